using System.Net;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>What only the real server does: TestServer enforces no body limits, so these start Kestrel.</summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    private readonly NewsWireApp _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _client = _app.CreateWriter();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnOversizedDeclaredBodyIs413WithAProblem()
    {
        var response = await _client.PostAsync("/api/articles",
            new StringContent("Headline\n\n" + new string('x', 3 * 1024 * 1024), Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task AnOversizedChunkedBodyIs413WithAProblem()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("Headline\n\n" + new string('x', 3 * 1024 * 1024))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task TheRealServerServesTheTassReport()
    {
        _client.BaseAddress!.Host.Should().Be("127.0.0.1");
        var text = await _client.GetStringAsync("/api/articles/1?format=text");

        text.Should().Contain("TASHKENT, September 18. /TASS/.");
    }
}
