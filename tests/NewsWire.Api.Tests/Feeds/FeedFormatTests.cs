using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using NewsWire.Api.Articles;
using static NewsWire.Api.Tests.Feeds.FeedReading;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>Each format read back by a real parser and checked field by field against the articles' JSON.</summary>
public sealed class FeedFormatTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task AtomReadsBackFieldByField()
    {
        var feed = ReadAtom(await Client.GetFeedAsync("/feeds/atom?limit=8", "application/atom+xml"));

        feed.Title.Text.Should().Be("NewsWire: newest articles");
        feed.Id.Should().Be("tag:localhost,2026:feeds?limit=8");
        Link(feed.Links, "self").Should().Be($"{Base}/feeds/atom?limit=8");
        Link(feed.Links, "next").Should().StartWith($"{Base}/feeds/atom?limit=8&cursor=");
        Link(feed.Links, "search").Should().Be($"{Base}/opensearch.xml");
        feed.Links.Single(l => l.RelationshipType == "search").MediaType.Should().Be("application/opensearchdescription+xml");
        await EntriesMatchTheListing(feed, "limit=8");
    }

    [Fact]
    public async Task RssReadsBackFieldByField()
    {
        var feed = ReadRss(await Client.GetFeedAsync("/feeds/rss?limit=8", "application/rss+xml"));

        feed.Title.Text.Should().Be("NewsWire: newest articles");
        feed.Links.Should().Contain(l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == $"{Base}/", "RSS's channel link is the site");
        Link(feed.Links, "self").Should().Be($"{Base}/feeds/rss?limit=8");
        Link(feed.Links, "next").Should().StartWith($"{Base}/feeds/rss?limit=8&cursor=");
        Link(feed.Links, "search").Should().Be($"{Base}/opensearch.xml");
        await EntriesMatchTheListing(feed, "limit=8");
    }

    [Fact]
    public async Task JsonFeedReadsBackFieldByField()
    {
        var feed = ReadJson(await Client.GetFeedAsync("/feeds/json?limit=8", "application/feed+json"));

        feed.GetProperty("version").GetString().Should().Be("https://jsonfeed.org/version/1.1");
        feed.GetProperty("title").GetString().Should().Be("NewsWire: newest articles");
        feed.GetProperty("home_page_url").GetString().Should().Be($"{Base}/");
        feed.GetProperty("feed_url").GetString().Should().Be($"{Base}/feeds/json?limit=8");
        feed.GetProperty("next_url").GetString().Should().StartWith($"{Base}/feeds/json?limit=8&cursor=");
        feed.GetProperty("_newswire").GetProperty("opensearch").GetString().Should().Be($"{Base}/opensearch.xml");

        var items = feed.GetProperty("items").EnumerateArray().ToList();
        var expected = await Expected("limit=8");
        items.Select(i => i.GetProperty("id").GetString()).Should().Equal(expected.Select(ExpectedId));
        foreach (var (item, article) in items.Zip(expected))
        {
            item.GetProperty("url").GetString().Should().Be($"{Base}/articles/{article.Slug}");
            item.GetProperty("_newswire").GetProperty("api_url").GetString().Should().Be($"{Base}/api/articles/{article.Id}");
            item.GetProperty("title").GetString().Should().Be(article.Headline);
            item.GetProperty("content_text").GetString().Should().Be(ExpectedSummary(article));
            item.GetProperty("date_published").GetDateTimeOffset().Should().Be(new DateTimeOffset(article.PublishedAt));
            item.GetProperty("date_modified").GetDateTimeOffset().Should().Be(new DateTimeOffset(article.UpdatedAt));
            item.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal(article.Source);
            item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal(article.Tags);
            item.GetProperty("language").GetString().Should().Be(article.Lang);
            (item.TryGetProperty("external_url", out var external) ? external.GetString() : null).Should().Be(article.Url);
        }
    }

    [Theory]
    [InlineData("/feeds/atom", "application/atom+xml")]
    [InlineData("/feeds/rss", "application/rss+xml")]
    [InlineData("/feeds/json", "application/feed+json")]
    public async Task ALongOpeningWithoutALeadIsCutAtAWord(string path, string type)
    {
        var grain = fixture.Articles.Single(a => a.Headline == "Grain exports to rise");
        var body = await Client.GetFeedAsync(path + "?tag=grain", type);

        var summary = type == "application/feed+json"
            ? ReadJson(body).GetProperty("items")[0].GetProperty("content_text").GetString()
            : ((TextSyndicationContent)(type == "application/rss+xml" ? ReadRss(body) : ReadAtom(body)).Items.Single().Summary).Text;

        summary.Should().Be(ExpectedSummary(grain)).And.EndWith(" …");
        summary!.Length.Should().BeLessThanOrEqualTo(302);
        FeedFixture.LongBody.Should().StartWith(summary[..^2]);
    }

    private async Task EntriesMatchTheListing(SyndicationFeed feed, string query)
    {
        var expected = await Expected(query);
        feed.Items.Select(i => i.Id).Should().Equal(expected.Select(ExpectedId));
        foreach (var (item, article) in feed.Items.Zip(expected))
        {
            item.Title.Text.Should().Be(article.Headline);
            ((TextSyndicationContent)item.Summary).Text.Should().Be(ExpectedSummary(article));
            item.PublishDate.Should().Be(new DateTimeOffset(article.PublishedAt));
            // Atom's and RSS's writers give times to the second.
            item.LastUpdatedTime.Should().Be(Seconds(article.UpdatedAt));

            item.Authors.Select(a => a.Name).Should().Equal(article.Source);
            item.Categories.Select(c => c.Name).Should().Equal(article.Tags);
            // RSS's <link> has no type; Atom's says text/html.
            item.Links.Should().Contain(l => l.RelationshipType == "alternate" && (l.MediaType == null || l.MediaType == "text/html")
                && l.Uri.AbsoluteUri == $"{Base}/articles/{article.Slug}");
            item.Links.Should().Contain(l => l.RelationshipType == "alternate" && l.MediaType == "application/json"
                && l.Uri.AbsoluteUri == $"{Base}/api/articles/{article.Id}");
            item.Links.Where(l => l.RelationshipType == "via").Select(l => l.Uri.AbsoluteUri).Should().Equal(article.Url is null ? [] : [article.Url]);
        }
    }

    /// <summary>The listing's newest articles with what only the full article has (times of storing and updating).</summary>
    private async Task<List<ArticleDetail>> Expected(string query)
    {
        var ids = await Client.ListingIdsAsync(query);
        ids.Should().NotBeEmpty();
        var details = new List<ArticleDetail>();
        foreach (var id in ids)
        {
            details.Add((await Client.GetFromJsonAsync<ArticleDetail>($"/api/articles/{id}", Infrastructure.HttpExtensions.Json))!);
        }

        return details;
    }

    private static string Link(IEnumerable<SyndicationLink> links, string rel) =>
        links.Single(l => l.RelationshipType == rel).Uri.AbsoluteUri;
}
