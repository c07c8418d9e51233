using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>
/// Conditional GETs as feed readers make them. The service's clock is the test's, started an hour in
/// the past (so no date is in the future for the framework, which ignores such dates) and moved by hand.
/// </summary>
public sealed class FeedConditionalTests : IAsyncLifetime
{
    private readonly NewsWireApp _app = new();
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow.AddHours(-1));
    private WebApplicationFactory<Program> _service = null!;
    private HttpClient _reader = null!;
    private HttpClient _writer = null!;

    public Task InitializeAsync()
    {
        _service = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _reader = _service.CreateClient();
        _writer = _service.CreateClient();
        _writer.DefaultRequestHeaders.Add("X-Api-Key", NewsWireApp.ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        _writer.Dispose();
        await _service.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/feeds/atom")]
    [InlineData("/feeds/rss")]
    [InlineData("/feeds/json")]
    public async Task AnUnchangedFeedAnswers304ToItsETagAndToItsLastModified(string path)
    {
        var first = await _reader.GetAsync(path);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        _clock.Advance(TimeSpan.FromSeconds(30));

        var byETag = await Conditional(path, etag: etag);
        var byDate = await Conditional(path, since: lastModified);

        byETag.StatusCode.Should().Be(HttpStatusCode.NotModified);
        byETag.Headers.ETag.Should().Be(etag, "a 304 carries the validator it confirms");
        (await byETag.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        byDate.StatusCode.Should().Be(HttpStatusCode.NotModified);
        lastModified.Should().Be(Seconds(_clock.Start), "first served then");
    }

    [Fact]
    public async Task ANewArticleIsAChangeForBothValidators()
    {
        var before = await _reader.GetAsync("/feeds/atom");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _writer.CreateAsync(Stories.Input("Fresh story", publishedAt: "2026-11-01T00:00:00Z"));

        var byETag = await Conditional("/feeds/atom", etag: before.Headers.ETag);
        var byDate = await Conditional("/feeds/atom", since: before.Content.Headers.LastModified);

        byETag.StatusCode.Should().Be(HttpStatusCode.OK);
        byETag.Headers.ETag.Should().NotBe(before.Headers.ETag);
        (await byETag.Content.ReadAsStringAsync()).Should().Contain("Fresh story");
        byDate.StatusCode.Should().Be(HttpStatusCode.OK);
        byDate.Content.Headers.LastModified.Should().Be(Seconds(_clock.Now));
    }

    [Fact]
    public async Task ADeletedArticleIsAChangeThoughNoStoredTimeSaysSo()
    {
        var original = await _reader.GetAsync("/feeds/json");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var fresh = await _writer.CreateAsync(Stories.Input("Story posted by mistake", publishedAt: "2026-11-01T00:00:00Z"));
        var withFresh = await _reader.GetAsync("/feeds/json");
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await _writer.DeleteAsync($"/api/articles/{fresh.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var byDate = await Conditional("/feeds/json", since: withFresh.Content.Headers.LastModified);
        var byOldETag = await Conditional("/feeds/json", etag: original.Headers.ETag);

        byDate.StatusCode.Should().Be(HttpStatusCode.OK, "the reader holds the story that is gone");
        (await byDate.Content.ReadAsStringAsync()).Should().NotContain("posted by mistake");
        byOldETag.StatusCode.Should().Be(HttpStatusCode.NotModified, "the feed is byte for byte what it was before");
    }

    [Fact]
    public async Task AWriteElsewhereLeavesAFilteredFeedNotModified()
    {
        await _writer.CreateAsync(Stories.Input("Oil story", tags: ["oil"]));
        var before = await _reader.GetAsync("/feeds/rss?tag=oil");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _writer.CreateAsync(Stories.Input("Grain story", tags: ["grain"]));

        (await Conditional("/feeds/rss?tag=oil", etag: before.Headers.ETag)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await Conditional("/feeds/rss?tag=oil", since: before.Content.Headers.LastModified)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await Conditional("/feeds/rss?tag=grain", etag: before.Headers.ETag)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AChangeWithinTheSameSecondNeverReadsAsUnchanged()
    {
        var before = await _reader.GetAsync("/feeds/atom");
        await _writer.CreateAsync(Stories.Input("Same-second story", publishedAt: "2026-11-01T00:00:00Z"));

        var after = await Conditional("/feeds/atom", since: before.Content.Headers.LastModified);

        after.StatusCode.Should().Be(HttpStatusCode.OK);
        after.Content.Headers.LastModified.Should().BeNull("the next second has not come yet, and this second names the older bytes");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await _reader.GetAsync("/feeds/atom")).Content.Headers.LastModified.Should().Be(Seconds(_clock.Now));
    }

    [Fact]
    public async Task EachFormatAndQueryHasItsOwnETag()
    {
        var etags = new List<EntityTagHeaderValue>();
        foreach (var path in new[] { "/feeds/atom", "/feeds/rss", "/feeds/json", "/feeds/atom?limit=5", "/feeds/atom?source=TASS" })
        {
            etags.Add((await _reader.GetAsync(path)).Headers.ETag!);
        }

        etags.Select(e => e.Tag).Should().OnlyHaveUniqueItems();
        etags.Should().OnlyContain(e => !e.IsWeak);
    }

    private async Task<HttpResponseMessage> Conditional(string path, EntityTagHeaderValue? etag = null, DateTimeOffset? since = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = since;
        return await _reader.SendAsync(request);
    }

    private static DateTimeOffset Seconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Start { get; } = start;
        public DateTimeOffset Now { get; private set; } = start;

        public void Advance(TimeSpan by) => Now += by;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
