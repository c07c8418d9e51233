using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Caching;

/// <summary>
/// Listing pages come from the output cache until the store changes (ADR 15), so a frontend that reloads the
/// first page costs one rendering per write. Every way of writing must retire them at once.
/// </summary>
public sealed class ListingCacheTests : ServiceTest
{
    private const string FirstPage = "/api/articles?limit=5";

    [Fact]
    public async Task ARepeatedListingPageIsServedFromTheCache()
    {
        var first = await Reader.GetAsync(FirstPage);
        var second = await Reader.GetAsync(FirstPage);

        first.Headers.Age.Should().BeNull("the first answer is rendered");
        second.Headers.Age.Should().NotBeNull("the second comes from the cache");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedPageKeepsItsNextLink()
    {
        await Writer.CreateAsync(Stories.Input("Second story"));
        var paging = "/api/articles?limit=1";
        var first = await Reader.GetAsync(paging);
        var cached = await Reader.GetAsync(paging);

        cached.Headers.Age.Should().NotBeNull();
        cached.Headers.GetValues("Link").Should().Equal(first.Headers.GetValues("Link"));
    }

    [Fact]
    public async Task ACreatedArticleIsListedAtOnce()
    {
        await WarmAsync();

        await Writer.CreateAsync(Stories.Input("Created after the page was cached", publishedAt: "2026-06-01"));

        (await FirstPageAsync()).Items[0].Headline.Should().Be("Created after the page was cached");
    }

    [Fact]
    public async Task AReplacedArticleIsListedAsReplacedAtOnce()
    {
        await WarmAsync();

        (await Writer.PutAsJsonAsync("/api/articles/1", Stories.Input("Replaced while cached"), HttpExtensions.Json)).EnsureSuccessStatusCode();

        (await FirstPageAsync()).Items.Select(a => a.Headline).Should().Contain("Replaced while cached");
    }

    [Fact]
    public async Task ADeletedArticleLeavesTheListingAtOnce()
    {
        await WarmAsync();

        (await Writer.DeleteAsync("/api/articles/1")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var page = await FirstPageAsync();
        page.Items.Should().BeEmpty();
        page.Total.Should().Be(0);
    }

    [Fact]
    public async Task AnImportIsListedAtOnce()
    {
        await WarmAsync();
        var ndjson = """
            {"headline":"Imported while cached","body":"Brent rose.","source":"Reuters","publishedAt":"2026-06-02"}
            """;

        var import = await Writer.PostAsync("/api/articles/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        (await import.ReadAsAsync<NewsWire.Api.Ingest.ImportReport>()).Created.Should().Be(1);

        var page = await FirstPageAsync();
        page.Items[0].Headline.Should().Be("Imported while cached");
        page.Total.Should().Be(2);
    }

    private async Task WarmAsync()
    {
        (await Reader.GetAsync(FirstPage)).EnsureSuccessStatusCode();
        (await Reader.GetAsync(FirstPage)).Headers.Age.Should().NotBeNull("the page is cached before the write");
    }

    private async Task<ArticlePage> FirstPageAsync()
    {
        var response = await Reader.GetAsync(FirstPage);
        response.Headers.Age.Should().BeNull("a write retires every cached page");
        return await response.ReadAsAsync<ArticlePage>();
    }
}
