using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// The text log of the service as an operator runs it (a real process, its console read line by line): what a
/// client sends can neither forge a line nor reach the terminal as an escape sequence, and a request the
/// client abandons is an aborted request, not a server error with a stack trace.
/// </summary>
public sealed class TextLogTests(TextLogTests.Service service) : IClassFixture<TextLogTests.Service>
{
    [Fact]
    public async Task ALineBreakInThePathCannotForgeALogLine()
    {
        using var client = service.Process.CreateClient(withKey: false);

        using var response = await client.GetAsync("/api/articles/x%0D%0A%5B08:00:00%20INF%5D%20HTTP%20DELETE%20/api/articles/1%20responded%20204");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var line = await service.WaitForLineAsync(l => l.Contains("/api/articles/x", StringComparison.Ordinal));
        line.Should().Contain(@"x\r\n[08:00:00 INF] HTTP DELETE").And.Contain("responded 404");
        service.Process.Output.Should().NotContain(l => l.StartsWith("[08:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnsiEscapeSequenceInThePathIsLoggedAsTextNotSentToTheTerminal()
    {
        using var client = service.Process.CreateClient(withKey: false);

        using var response = await client.GetAsync("/api/articles/ansi%1B%5B2J%1B%5B31mred");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var line = await service.WaitForLineAsync(l => l.Contains("/api/articles/ansi", StringComparison.Ordinal));
        line.Should().Contain(@"ansi\u001b[2J\u001b[31mred");
        service.Process.Output.Should().NotContain(l => l.Contains('\u001b'));
    }

    [Theory]
    [InlineData("/api/articles", "text/plain; charset=utf-8")]
    [InlineData("/api/articles/import", "application/x-ndjson")]
    public async Task AnUploadTheClientAbandonsIsLoggedAsAbortedWithoutAnErrorOrAStack(string path, string contentType)
    {
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(service.Process.Address.Host, service.Process.Address.Port);
            var head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\n" +
                       $"X-Api-Key: {NewsWireApp.ApiKey}\r\nContent-Length: 1000000\r\n\r\n";
            await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + "{\"headline\":\"Abandoned upload\",\"body\":\"Only the first"));
            await socket.GetStream().FlushAsync();
            await Task.Delay(200); // the service is reading the body when the client goes away
        }

        var line = await service.WaitForLineAsync(l => l.Contains($"POST {path} responded", StringComparison.Ordinal));
        line.Should().Contain("responded 499").And.Contain("INF]");
        service.Process.Output.Should().NotContain(l => l.Contains("ERR]", StringComparison.Ordinal) || l.StartsWith("   at ", StringComparison.Ordinal));
    }

    /// <summary>One service process for the class, on its own database file.</summary>
    public sealed class Service : IAsyncLifetime
    {
        private readonly TestStore _database = TestStore.Create("log");

        public ServiceProcess Process { get; private set; } = null!;

        public async Task InitializeAsync() => Process = await ServiceProcess.StartAsync(_database);

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            _database.Dispose();
        }

        /// <summary>The log is written from a background queue, so a request's line follows its answer shortly.</summary>
        public async Task<string> WaitForLineAsync(Func<string, bool> match)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                if (Process.Output.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("No such line in the log:\n" + string.Join('\n', Process.Output));
        }
    }
}
