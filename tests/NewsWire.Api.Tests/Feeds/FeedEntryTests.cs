using System.Net;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;
using static NewsWire.Api.Tests.Feeds.FeedReading;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>What an entry holds when its article is edited, carries markup, or was written by hand.</summary>
public sealed class FeedEntryTests : ServiceTest
{
    [Fact]
    public async Task AnEntryKeepsItsIdAndLinksWhenItsArticleIsEdited()
    {
        var article = await Writer.CreateAsync(Stories.Input("Oil prices rise", publishedAt: "2026-11-01T00:00:00Z"));
        var before = ReadAtom(await Reader.GetFeedAsync("/feeds/atom?limit=1", "application/atom+xml")).Items.Single();

        (await Writer.PutAsJsonAsync($"/api/articles/{article.Id}", Stories.Input("Oil prices rise 2%, correcting the figure", publishedAt: "2026-11-01T00:00:00Z"), HttpExtensions.Json))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var after = ReadAtom(await Reader.GetFeedAsync("/feeds/atom?limit=1", "application/atom+xml")).Items.Single();

        after.Id.Should().Be(before.Id).And.Be(ExpectedId(article));
        after.Links.Select(l => l.Uri).Should().Equal(before.Links.Select(l => l.Uri), "the slug stays when a headline is corrected");
        after.Title.Text.Should().Be("Oil prices rise 2%, correcting the figure");
        after.LastUpdatedTime.Should().BeAfter(before.LastUpdatedTime.AddTicks(-1));
    }

    [Theory]
    [InlineData("/feeds/atom", "application/atom+xml")]
    [InlineData("/feeds/rss", "application/rss+xml")]
    public async Task MarkupInAStoryIsTextInTheFeed(string path, string type)
    {
        await Writer.CreateAsync(Stories.Input("Markup <script>alert(1)</script> & <b>bold</b>", publishedAt: "2026-11-01T00:00:00Z"));

        var body = await Reader.GetFeedAsync(path + "?limit=1", type);
        var feed = type == "application/rss+xml" ? ReadRss(body) : ReadAtom(body);

        feed.Items.Single().Title.Text.Should().Be("Markup <script>alert(1)</script> & <b>bold</b>");
        System.Text.Encoding.UTF8.GetString(body).Should().NotContain("<script>");
    }

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Theory]
    [InlineData("/feeds/atom", "application/atom+xml")]
    [InlineData("/feeds/rss", "application/rss+xml")]
    [InlineData("/feeds/json", "application/feed+json")]
    public async Task CharactersXmlForbidsWrittenByAnotherProcessAreLeftOut(string path, string type)
    {
        var article = await Writer.CreateAsync(Stories.Input("Clean headline", publishedAt: "2026-11-01T00:00:00Z", tags: ["tag"]));
        await using (var outside = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await outside.OpenAsync();
            await using var update = outside.CreateCommand();
            update.CommandText = $"""
                UPDATE Articles SET Headline = 'Bell' || char(7) || 'and NUL' || char(0) || 'inside', Lead = 'Escape' || char(27), Source = 'Src' || char(1) WHERE Id = {article.Id};
                UPDATE ArticleTags SET Name = 'tag' || char(11) WHERE ArticleId = {article.Id};
                """;
            await update.ExecuteNonQueryAsync();
        }

        var body = await Reader.GetFeedAsync(path + "?limit=1", type);

        if (type == "application/feed+json")
        {
            ReadJson(body).GetProperty("items")[0].GetProperty("title").GetString().Should().StartWith("Bell\u0007and NUL");
        }
        else
        {
            var feed = type == "application/rss+xml" ? ReadRss(body) : ReadAtom(body);
            feed.Items.Single().Title.Text.Should().StartWith("Belland NUL");
            feed.Items.Single().Categories.Single().Name.Should().Be("tag");
        }
    }

    [Fact]
    public async Task TheIdAuthorityCanBeConfigured()
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { ["NewsWire:Feeds:IdAuthority"] = "news.example.com" });
        var body = await app.CreateClient().GetFeedAsync("/feeds/atom", "application/atom+xml");

        var feed = ReadAtom(body);

        feed.Id.Should().Be("tag:news.example.com,2026:feeds");
        feed.Items.Single().Id.Should().MatchRegex(@"^tag:news\.example\.com,\d{4}-\d{2}-\d{2}:articles/1$");
    }
}
