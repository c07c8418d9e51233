using System.IO.Compression;
using System.Net;
using System.Text;
using NewsWire.Api.Caching;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Caching;

/// <summary>Brotli and gzip by Accept-Encoding, identity without it, Vary that says so (ADR 15).</summary>
public sealed class CompressionTests : ServiceTest
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    public async Task TheCodingIsNegotiated(string acceptEncoding, string expected)
    {
        var plain = await (await Reader.GetAsync("/api/articles")).Content.ReadAsStringAsync();

        var response = await GetAsync("/api/articles", acceptEncoding);

        response.Content.Headers.ContentEncoding.Should().Equal(expected);
        (await DecodeAsync(response)).Should().Be(plain);
        response.Headers.Vary.Should().Contain("Accept-Encoding");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("compress")]
    public async Task AClientThatAsksForNoKnownCodingGetsIdentityToldItVaries(string? acceptEncoding)
    {
        var response = await GetAsync("/api/articles", acceptEncoding);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        (await response.ReadAsAsync<NewsWire.Api.Articles.ArticlePage>()).Total.Should().Be(1);
    }

    [Fact]
    public async Task CachedCodingsAreKeptApart()
    {
        // Whichever coding fills the cache first, each client gets the one it can read.
        (await GetAsync("/api/articles/1", "br")).Content.Headers.ContentEncoding.Should().Equal("br");

        var gzip = await GetAsync("/api/articles/1", "gzip");
        var identity = await GetAsync("/api/articles/1", null);
        var brAgain = await GetAsync("/api/articles/1", "br");

        gzip.Content.Headers.ContentEncoding.Should().Equal("gzip");
        identity.Content.Headers.ContentEncoding.Should().BeEmpty();
        brAgain.Headers.Age.Should().NotBeNull("the br copy is served from the cache");
        brAgain.Content.Headers.ContentEncoding.Should().Equal("br");
        (await DecodeAsync(brAgain)).Should().Be(await identity.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACompressedArticleHasAWeakETagThatStillRevalidates()
    {
        var plain = await GetAsync("/api/articles/1", null);
        var compressed = await GetAsync("/api/articles/1", "gzip");

        plain.Headers.ETag!.IsWeak.Should().BeFalse();
        compressed.Headers.ETag!.IsWeak.Should().BeTrue("the gzip bytes are not the identity bytes");
        compressed.Headers.ETag.Tag.Should().Be(plain.Headers.ETag.Tag);
        compressed.Headers.Vary.Should().Contain(["Accept", "Accept-Encoding"]);

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        revalidate.Headers.AcceptEncoding.ParseAdd("gzip");
        revalidate.Headers.IfNoneMatch.Add(compressed.Headers.ETag);
        (await Reader.SendAsync(revalidate)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task AShortTextIsNotCompressed()
    {
        var tiny = await Writer.CreateAsync(new { headline = "Short", body = "One line.", source = "Reuters" });

        var response = await GetAsync($"/api/articles/{tiny.Id}?format=text", "br, gzip");

        response.Content.Headers.ContentLength.Should().BeLessThan(Compression.MinimumBytes);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [Fact]
    public async Task ALongTextIsCompressed()
    {
        var response = await GetAsync("/api/articles/1?format=text", "gzip");

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        (await DecodeAsync(response)).Should().Contain("TASHKENT");
    }

    [Fact]
    public async Task ProblemsAreNotCompressed()
    {
        var response = await GetAsync("/api/articles?limt=5", "br, gzip");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("limt");
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return Reader.SendAsync(request);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.Single() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            var other => throw new InvalidOperationException($"unexpected coding {other}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
