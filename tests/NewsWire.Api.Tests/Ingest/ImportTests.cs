using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Ingest;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Ingest;

public sealed class ImportTests : ServiceTest
{
    [Fact]
    public async Task NdjsonIsStoredLineByLineAndBadLinesNeverLoseGoodOnes()
    {
        var ndjson = string.Join("\n",
            Line("First story"),
            "{ not json",
            "",
            Line("Second story"),
            """{"headline": "No body"}""",
            Line("First story"),
            """{"headline": 5, "body": "x"}""",
            Line("Third story")) + "\n";

        var report = await Import(ndjson, "application/x-ndjson");

        report.Created.Should().Be(3);
        report.Duplicates.Should().Be(1);
        report.Failed.Select(f => f.Line).Should().Equal(2, 5, 7);
        report.Failed[1].Errors.Should().ContainKey("body");
        report.Failed[2].Errors.Should().ContainKey("headline");
        report.FailedCount.Should().Be(3);
        (await Total("/api/search?q=story")).Should().Be(3);
    }

    [Fact]
    public async Task ALineWithAControlCharacterInItsUrlFailsAloneUnderItsNumber()
    {
        // PostgreSQL refuses NUL in text: unchecked, this line failed the whole batch, good lines included.
        var bad = System.Text.Json.JsonSerializer.Serialize(new { headline = "Bad url", body = "The url has a NUL in it.", url = "http://x.example/\u0000" });
        var lines = Enumerable.Range(1, 7).Select(n => n == 4 ? bad : Line($"Good story {n}"));

        var report = await Import(string.Join("\n", lines), "application/x-ndjson");

        report.Created.Should().Be(6);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(4);
        report.Failed[0].Errors.Should().ContainKey("url");
        (await Total("/api/search?q=good")).Should().Be(6);
    }

    [Fact]
    public async Task CrlfLinesAndAMissingFinalNewlineAreFine()
    {
        var report = await Import(Line("One") + "\r\n" + Line("Two"), "application/x-ndjson");

        report.Created.Should().Be(2);
        report.Failed.Should().BeEmpty();
    }

    [Fact]
    public async Task ALineOverTheSingleArticleLimitFailsAloneWithoutBeingBuffered()
    {
        var huge = Line("Huge", body: new string('x', NdjsonItems.MaxLineBytes + 10));
        var report = await Import(string.Join("\n", Line("Before"), huge, Line("After")), "application/x-ndjson");

        report.Created.Should().Be(2);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    [Fact]
    public async Task ManyBatchesAreAllStored()
    {
        var lines = Enumerable.Range(0, ArticleImporter.BatchSize * 2 + 7)
            .Select(i => Line($"Batch story {i}", body: $"Unique body {i} with words {i * 7} and {i * 13} to keep {i} apart."));

        var report = await Import(string.Join("\n", lines), "application/x-ndjson");

        report.Created.Should().Be(ArticleImporter.BatchSize * 2 + 7);
        (await Total("/api/articles?limit=1")).Should().Be(report.Created + 1);
    }

    [Fact]
    public async Task AnAtomFeedIsStoredEntryByEntry()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Agency Wire</title>
              <id>urn:feed</id>
              <updated>2026-11-29T10:00:00Z</updated>
              <entry>
                <title>Port strike ends in Rotterdam</title>
                <id>urn:story:1</id>
                <updated>2026-11-28T09:00:00Z</updated>
                <published>2026-11-28T08:30:00Z</published>
                <link rel="alternate" href="https://example.com/port"/>
                <category term="shipping"/>
                <content type="html">&lt;p&gt;Dock workers returned on Friday.&lt;/p&gt;&lt;p&gt;Ships queued &amp;amp; waited &amp;lt;script&amp;gt;.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>No content here</title>
                <id>urn:story:2</id>
                <updated>2026-11-28T09:00:00Z</updated>
              </entry>
            </feed>
            """;

        var report = await Import(atom, "application/atom+xml");

        report.Created.Should().Be(1);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(2);
        var stored = (await Reader.GetFromJsonAsync<ArticleDetail>("/api/articles/port-strike-ends-in-rotterdam", HttpExtensions.Json))!;
        stored.Source.Should().Be("Agency Wire");
        stored.Lang.Should().Be("en");
        stored.Url.Should().Be("https://example.com/port");
        stored.ExternalId.Should().Be("urn:story:1");
        stored.Tags.Should().Equal("shipping");
        stored.PublishedAt.Should().Be(new DateTime(2026, 11, 28, 8, 30, 0, DateTimeKind.Utc));
        stored.Sections.Single().Paragraphs.Should().Equal("Dock workers returned on Friday.", "Ships queued & waited <script>.");
    }

    [Fact]
    public async Task AnRssFeedIsStoredWithTheSourceGiven()
    {
        const string rss = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel>
              <title>Feed</title><link>https://example.com</link><description>d</description><language>de</language>
              <item><title>Zugverkehr eingestellt</title><description>Die Bahn stellte den Verkehr am Montag ein.</description>
                <pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate><guid>rss-1</guid><category>verkehr</category></item>
              <item><title>Zweite Meldung</title><description>Eine zweite Meldung mit anderem Text.</description><guid>rss-2</guid></item>
            </channel></rss>
            """;

        var report = await Import(rss, "application/rss+xml", "?source=dpa");

        report.Created.Should().Be(2, System.Text.Json.JsonSerializer.Serialize(report.Failed));
        var page = (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles?source=dpa&lang=de", HttpExtensions.Json))!;
        page.Total.Should().Be(2);
    }

    [Fact]
    public async Task AFeedBrokenMidwayKeepsTheEntriesBeforeTheBreak()
    {
        const string broken = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title>Kept story</title><id>k</id><updated>2026-01-01T00:00:00Z</updated><content>It was stored.</content></entry>
            <entry><title>Broken <b>story</title></entry>
            """;

        var report = await Import(broken, "application/atom+xml");

        // The broken entry fails alone; then the upload ends before </feed>, which is said too.
        report.Created.Should().Be(1);
        report.Failed.Select(f => f.Line).Should().Equal(2, 3);
        report.Failed[0].Errors.Should().ContainKey("entry");
        report.Failed[1].Errors.Should().ContainKey("xml");
    }

    [Fact]
    public async Task ADoctypeIsRefusedNotExpanded()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol2;</title></feed>
            """;

        var report = await Import(bomb, "application/atom+xml");

        report.Created.Should().Be(0);
        report.Failed.Should().ContainSingle().Which.Errors.Should().ContainKey("xml");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task OtherMediaTypesAre415(string contentType)
    {
        var response = await Writer.PostAsync("/api/articles/import", new StringContent(Line("x"), Encoding.UTF8, contentType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task ImportNeedsAKey()
    {
        var response = await Reader.PostAsync("/api/articles/import", new StringContent(Line("x"), Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FeedDefaultsOnNdjsonAre400()
    {
        var response = await Writer.PostAsync("/api/articles/import?source=AP", new StringContent(Line("x"), Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("source");
    }

    [ReutersCorpusFact]
    public async Task TheWholeReutersCorpusImportsWithItsDuplicatesFound()
    {
        var ndjson = string.Join("\n", SharedCorpus.ReutersAsNdjson());

        var report = await Import(ndjson, "application/x-ndjson");

        report.Failed.Should().BeEmpty();
        (report.Created + report.Duplicates).Should().Be(19_043);
        // 217 stories repeat another's headline and body byte for byte (the corpus README); 13 more differ
        // from another only in case or spacing, which the exact-duplicate hash ignores by design.
        report.Duplicates.Should().Be(230);
        // 48 more repeat a body under another headline: near-duplicates, stored and linked.
        var all = (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles?limit=1&includeDuplicates=true", HttpExtensions.Json))!.Total;
        var shown = (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles?limit=1", HttpExtensions.Json))!.Total;
        (all - shown).Should().BeGreaterThanOrEqualTo(48);
    }

    private async Task<ImportReport> Import(string body, string contentType, string query = "")
    {
        var response = await Writer.PostAsync("/api/articles/import" + query, new StringContent(body, Encoding.UTF8, contentType));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ImportReport>();
    }

    private async Task<int> Total(string url)
    {
        var json = await Reader.GetStringAsync(url);
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32();
    }

    private static string Line(string headline, string? body = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { headline, body = body ?? $"The story of {headline}, told in full.", source = "Reuters", publishedAt = "2026-11-01" });
}
