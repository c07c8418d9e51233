using System.Net;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Caching;

/// <summary>What a browser or CDN may keep: reads, revalidated before each use; errors and writes, nothing (ADR 15).</summary>
public sealed class CacheControlTests : ServiceTest
{
    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/1")]
    [InlineData("/api/articles/1/quotes")]
    [InlineData("/api/search?q=refugees")]
    public async Task ReadsMayBeStoredButAreRevalidated(string path)
    {
        await Reader.GetAsync(path);
        var cached = await Reader.GetAsync(path);

        cached.StatusCode.Should().Be(HttpStatusCode.OK);
        cached.Headers.CacheControl!.Public.Should().BeTrue();
        cached.Headers.CacheControl.NoCache.Should().BeTrue();
        cached.Headers.CacheControl.MaxAge.Should().BeNull();
    }

    [Fact]
    public async Task ANotModifiedAnswerSaysTheSame()
    {
        var etag = (await Reader.GetAsync("/api/articles/1")).Headers.ETag;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        request.Headers.IfNoneMatch.Add(etag!);

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/articles/999")]
    [InlineData("/api/articles?limit=0")]
    [InlineData("/health")]
    public async Task ErrorsAndHealthAreNotStored(string path)
    {
        var response = await Reader.GetAsync(path);

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.CacheControl.Public.Should().BeFalse();
    }

    [Fact]
    public async Task WritesAreNotStored()
    {
        var response = await Writer.PostArticleAsync(Stories.Input("Not for caches"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}
