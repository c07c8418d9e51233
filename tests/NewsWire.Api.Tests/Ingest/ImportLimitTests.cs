using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>The import's size limit on the real Kestrel server (TestServer enforces none).</summary>
public sealed class ImportLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private readonly NewsWireApp _app = new(settings: new Dictionary<string, string?> { ["NewsWire:Import:MaxBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
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
    public async Task ADeclaredLengthOverTheLimitIs413BeforeAnythingIsStored()
    {
        var response = await _client.PostAsync("/api/articles/import", new StringContent(Ndjson(Limit * 2), Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Detail.Should().Contain("NewsWire:Import:MaxBytes");
        (await _client.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(1);
    }

    [Fact]
    public async Task AChunkedUploadPastTheLimitIs413AndSaysWhatWasStored()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Ndjson(Limit * 4))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/import") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Detail.Should().Contain("created");
    }

    [Fact]
    public async Task AnUploadUnderTheLimitIsImported()
    {
        var ndjson = Ndjson(Limit / 2);
        var response = await _client.PostAsync("/api/articles/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = await response.ReadAsAsync<NewsWire.Api.Ingest.ImportReport>();
        report.Created.Should().Be(ndjson.Count(c => c == '\n'), "every line is a new article");
        report.FailedCount.Should().Be(0);
    }

    private static string Ndjson(int bytes)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < bytes; i++)
        {
            builder.Append(System.Text.Json.JsonSerializer.Serialize(new { headline = $"Story {i}", body = $"Body {i} words {i * 3} more {i * 7} text {i}." })).Append('\n');
        }

        return builder.ToString();
    }
}
