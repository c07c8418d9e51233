using System.IO.Compression;
using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>
/// Compressed bodies are decoded (within the size limit, counted in decoded bytes), unknown codings are 415,
/// a UTF-8 byte-order mark is accepted before JSON as before wire copy, and every import type the handler
/// reads gets past routing.
/// </summary>
public sealed class RequestEncodingTests : ServiceTest
{
    private const string Json = """{"headline":"Compressed story","body":"It came gzipped.\n\nAnd was read.","source":"Test"}""";

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    [InlineData("GZIP")]
    public async Task ACompressedJsonArticleIsDecodedAndStored(string coding)
    {
        var response = await Writer.PostAsync("/api/articles", Encoded(Encoding.UTF8.GetBytes(Json), coding, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadAsAsync<ArticleDetail>()).Headline.Should().Be("Compressed story");
    }

    [Fact]
    public async Task GzippedWireCopyIsDecodedAndParsed()
    {
        var response = await Writer.PostAsync("/api/articles", Encoded(Encoding.UTF8.GetBytes(Stories.KazakhGrain), "gzip", "text/plain; charset=utf-8"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadAsAsync<ArticleDetail>()).Place.Should().Be("Astana");
    }

    [Fact]
    public async Task ASmallGzipThatDecodesPastTheLimitIs413()
    {
        var huge = Encoding.UTF8.GetBytes($$"""{"headline":"Bomb","body":"{{new string('b', 5_000_000)}}"}""");
        var content = Encoded(huge, "gzip", "application/json");
        (await content.ReadAsByteArrayAsync()).Length.Should().BeLessThan(100_000);

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task ABodyThatIsNotTheCodingItClaimsIs400WithoutTheDecodersMessage()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Detail.Should().Contain("Content-Encoding");
        problem.Detail.Should().NotContainAny("archive", "magic number", "compression method", "block type");
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("zstd")]
    [InlineData("gzip, br")]
    public async Task ACodingThisServiceCannotReadIs415NamingTheOnesItCan(string coding)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json));
        content.Headers.ContentType = new("application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Detail.Should().Contain("gzip");
        response.Headers.GetValues("Accept-Encoding").Single().Should().Contain("gzip");
    }

    [Fact]
    public async Task IdentityIsNoCodingAtAll()
    {
        var content = new StringContent(Json, Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add("identity");

        (await Writer.PostAsync("/api/articles", content)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task JsonWithAByteOrderMarkIsAcceptedAsWireCopyWithOneIs()
    {
        var json = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json)]);
        json.Headers.ContentType = new("application/json");
        var wire = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Stories.KazakhGrain)]);
        wire.Headers.ContentType = new("text/plain");

        var fromJson = await Writer.PostAsync("/api/articles", json);
        var fromWire = await Writer.PostAsync("/api/articles", wire);

        fromJson.StatusCode.Should().Be(HttpStatusCode.Created, await fromJson.Content.ReadAsStringAsync());
        fromWire.StatusCode.Should().Be(HttpStatusCode.Created, await fromWire.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NdjsonWithAByteOrderMarkImportsItsFirstLine()
    {
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json + "\n")]);
        content.Headers.ContentType = new("application/x-ndjson");

        var report = await ImportAsync(content);

        report.Created.Should().Be(1, System.Text.Json.JsonSerializer.Serialize(report.Failed));
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    [InlineData("application/rss+xml")]
    public async Task EveryFeedTypeTheImportReadsGetsPastRouting(string mediaType)
    {
        const string rss = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Feed</title><link>https://example.com</link><description>d</description>
              <item><title>Road closed</title><description>The road was closed on Monday.</description><guid>rss-1</guid></item>
            </channel></rss>
            """;

        var report = await ImportAsync(new StringContent(rss, Encoding.UTF8, mediaType));

        report.Created.Should().Be(1);
    }

    [Theory]
    [InlineData("application/ndjson")]
    [InlineData("application/jsonl")]
    [InlineData("application/x-ndjson")]
    public async Task EveryNdjsonTypeTheImportReadsGetsPastRouting(string mediaType)
    {
        var report = await ImportAsync(new StringContent(Json + "\n", Encoding.UTF8, mediaType));

        report.Created.Should().Be(1);
    }

    [Fact]
    public async Task AGzippedImportIsDecodedAndOneThatIsNotGzipIs400()
    {
        var lines = Encoding.UTF8.GetBytes(Json + "\n" + Json.Replace("Compressed story", "Second story", StringComparison.Ordinal) + "\n");
        var report = await ImportAsync(Encoded(lines, "gzip", "application/x-ndjson"));
        var broken = new ByteArrayContent(lines);
        broken.Headers.ContentType = new("application/x-ndjson");
        broken.Headers.ContentEncoding.Add("gzip");
        var brokenResponse = await Writer.PostAsync("/api/articles/import", broken);

        report.Created.Should().Be(2);
        brokenResponse.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await brokenResponse.ReadProblemAsync()).Detail.Should().Contain("Content-Encoding");
    }

    private async Task<ImportReport> ImportAsync(HttpContent content)
    {
        var response = await Writer.PostAsync("/api/articles/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ImportReport>();
    }

    private static ByteArrayContent Encoded(byte[] bytes, string coding, string contentType)
    {
        var content = new ByteArrayContent(coding.ToLowerInvariant() switch
        {
            "gzip" => Gzip(bytes),
            "br" => Compress(bytes, s => new BrotliStream(s, CompressionLevel.Fastest)),
            "deflate" => Compress(bytes, s => new ZLibStream(s, CompressionLevel.Fastest)),
            _ => throw new ArgumentOutOfRangeException(nameof(coding)),
        });
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        content.Headers.ContentEncoding.Add(coding);
        return content;
    }

    private static byte[] Gzip(byte[] bytes) => Compress(bytes, s => new GZipStream(s, CompressionLevel.Fastest));

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(bytes);
        }

        return output.ToArray();
    }
}
