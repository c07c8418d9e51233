using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Caching;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>
/// Single-article reads come from memory until the database changes (ADR 9). The output cache marks what it
/// serves with an Age header, which is how these tests tell a cached answer from a fresh one.
/// </summary>
public sealed class ArticleCacheTests : ServiceTest
{
    [Theory]
    [InlineData("/api/articles/1")]
    [InlineData("/api/articles/1?format=text")]
    [InlineData("/api/articles/1/quotes")]
    public async Task ARepeatedReadIsServedFromTheCache(string path)
    {
        var first = await Reader.GetAsync(path);
        var second = await Reader.GetAsync(path);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.Age.Should().BeNull("the first answer is rendered");
        second.Headers.Age.Should().NotBeNull("the second comes from the cache");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.ETag.Should().Be(first.Headers.ETag);
    }

    [Fact]
    public async Task AReplacedArticleIsNeverServedStale()
    {
        await WarmAsync("/api/articles/1", "/api/articles/1?format=text", "/api/articles/1/quotes");

        var update = await Writer.PutAsJsonAsync("/api/articles/1", Stories.Input("Replaced headline"), HttpExtensions.Json);
        update.EnsureSuccessStatusCode();

        (await Reader.GetFromJsonAsync<ArticleDetail>("/api/articles/1", HttpExtensions.Json))!.Headline.Should().Be("Replaced headline");
        (await Reader.GetStringAsync("/api/articles/1?format=text")).Should().Contain("Replaced headline");
        (await Reader.GetFromJsonAsync<List<object>>("/api/articles/1/quotes", HttpExtensions.Json)).Should().BeEmpty(
            "the replacement has no quotations");
    }

    [Fact]
    public async Task ADeletedArticleIsGoneAtOnce()
    {
        await WarmAsync("/api/articles/1");

        (await Writer.DeleteAsync("/api/articles/1")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Reader.GetAsync("/api/articles/1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Fact]
    public async Task AChangeMadeOutsideTheServiceIsSeenAtOnce()
    {
        // Another process (an import, a second instance, an operator with sqlite3) writes to the same file.
        await WarmAsync("/api/articles/1");
        await using (var outside = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await outside.OpenAsync();
            await using var update = outside.CreateCommand();
            update.CommandText = "UPDATE Articles SET Headline = 'Changed outside' WHERE Id = 1;";
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var article = await Reader.GetFromJsonAsync<ArticleDetail>("/api/articles/1", HttpExtensions.Json);

        article!.Headline.Should().Be("Changed outside");
    }

    [Fact]
    public async Task JsonAndTextAreCachedApart()
    {
        await WarmAsync("/api/articles/1", "/api/articles/1?format=text");

        var text = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        text.Headers.Accept.ParseAdd("text/plain");
        var asText = await Reader.SendAsync(text);
        var asJson = await Reader.GetAsync("/api/articles/1");
        var byQuery = await Reader.GetAsync("/api/articles/1?format=text");

        asText.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        asJson.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        asJson.Headers.Age.Should().NotBeNull();
        byQuery.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        byQuery.Headers.Age.Should().NotBeNull();
    }

    [Fact]
    public async Task ACachedArticleStillAnswers304ToItsETag()
    {
        var etag = (await Reader.GetAsync("/api/articles/1")).Headers.ETag;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        request.Headers.IfNoneMatch.Add(etag!);

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task ACachedAnswerCarriesTheCorsHeadersOnce()
    {
        HttpRequestMessage FromBrowser() => new(HttpMethod.Get, "/api/articles/1") { Headers = { { "Origin", "https://reader.example" } } };

        await Reader.SendAsync(FromBrowser());
        var cached = await Reader.SendAsync(FromBrowser());

        cached.Headers.Age.Should().NotBeNull();
        cached.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Fact]
    public async Task ErrorsAreNotCached()
    {
        // No write in between: a write would clear every cached answer and hide a cached 404.
        (await Reader.GetAsync("/api/articles/999")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var again = await Reader.GetAsync("/api/articles/999");

        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        again.Headers.Age.Should().BeNull();
    }

    [Fact]
    public async Task SearchesAreNotCached()
    {
        await WarmAsync("/api/search?q=refugees");

        (await Reader.GetAsync("/api/search?q=refugees")).Headers.Age.Should().BeNull();
    }

    [Fact]
    public async Task TheCacheCanBeTurnedOff()
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { [CacheOptions.MegabytesSetting] = "0" });
        using var reader = app.CreateClient();

        await reader.GetAsync("/api/articles/1");
        var second = await reader.GetAsync("/api/articles/1");

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Headers.Age.Should().BeNull();
    }

    private async Task WarmAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            (await Reader.GetAsync(path)).EnsureSuccessStatusCode();
        }
    }
}
