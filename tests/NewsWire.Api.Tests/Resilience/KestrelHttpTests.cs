using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>What only real Kestrel shows: the bytes of a HEAD answer on a kept-alive connection, and its body limits on decoded bytes.</summary>
public sealed class KestrelHttpTests(KestrelFixture service) : IClassFixture<KestrelFixture>
{
    [Theory]
    [InlineData("/api/articles/1", "200 OK")]
    [InlineData("/api/articles/1?format=text", "200 OK")]
    [InlineData("/api/articles/no-such-slug", "404 Not Found")]
    [InlineData("/swagger/index.html", "200 OK")]
    public async Task AHeadAnswerHasNoBodyBytesSoThePipelinedRequestAfterItIsReadRight(string path, string status)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(service.Reader.BaseAddress!.Host, service.Reader.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HEAD {path} HTTP/1.1\r\nHost: localhost\r\n\r\nGET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();

        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var rest = answer[(head.Length + 4)..];
        head.Should().StartWith("HTTP/1.1 " + status, "HEAD answers as GET would");
        head.Should().Contain("X-Content-Type-Options: nosniff");
        rest.Should().StartWith("HTTP/1.1 200 OK", "nothing but the next answer follows the HEAD answer's headers");
    }

    [Fact]
    public async Task AGzipBombIsRefusedWithA413ProblemAtTheDecodedLimit()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            // 100 MB decoded: past the single-article limit and Kestrel's own 30 MB default.
            gzip.Write(Encoding.UTF8.GetBytes("{\"headline\":\"Bomb\",\"body\":\""));
            var chunk = Encoding.UTF8.GetBytes(new string('b', 1_000_000));
            for (var n = 0; n < 100; n++)
            {
                gzip.Write(chunk);
            }
        }

        var compressed = output.ToArray();
        var content = new ByteArrayContent(compressed);
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await service.Writer.PostAsync("/api/articles", content);

        compressed.Length.Should().BeLessThan(1_000_000);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
