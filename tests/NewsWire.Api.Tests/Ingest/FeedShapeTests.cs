using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;
using static NewsWire.Api.Tests.Ingest.FeedUploads;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>Feeds shaped the way publishers send them: what each part of an entry becomes.</summary>
public sealed class FeedShapeTests : ServiceTest
{
    [Fact]
    public async Task ContentEncodedIsTheBodyAndDublinCoreGivesByLineTagsAndDate()
    {
        const string item = """
            <item>
              <title>Harbour reopens after storm</title>
              <link>https://example.com/harbour</link>
              <description><![CDATA[<p>Short teaser.</p>]]></description>
              <content:encoded><![CDATA[<p>The harbour <b>reopened</b> on Tuesday.</p><p>Ferries &amp; barges sailed again.</p><script>track()</script>]]></content:encoded>
              <dc:creator>Anna Berg</dc:creator>
              <dc:subject>shipping</dc:subject>
              <dc:date>2026-11-24T06:30:00+01:00</dc:date>
              <media:content url="https://example.com/harbour.jpg" medium="image"><media:title>Harbour</media:title></media:content>
            </item>
            """;

        var report = await Writer.ImportFeedAsync(RssFeed("Coast Wire", [item], channelExtras: "<language>en-gb</language>"));

        report.Created.Should().Be(1, Describe(report));
        var stored = await Article("harbour-reopens-after-storm");
        stored.Sections.Single().Paragraphs.Should().Equal("The harbour reopened on Tuesday.", "Ferries & barges sailed again.");
        stored.Byline.Should().Be("Anna Berg");
        stored.Tags.Should().Equal("shipping");
        stored.PublishedAt.Should().Be(new DateTime(2026, 11, 24, 5, 30, 0, DateTimeKind.Utc));
        stored.Lang.Should().Be("en-GB");
        stored.Url.Should().Be("https://example.com/harbour");
    }

    [Fact]
    public async Task AtomHtmlAndXhtmlContentBecomeParagraphsAndEntryLanguageWins()
    {
        const string entries = """
            <entry xml:lang="de">
              <title type="html">Streik &lt;em&gt;beendet&lt;/em&gt;</title><id>urn:a:1</id><updated>2026-11-28T09:00:00Z</updated>
              <author><name>Jonas Weber</name></author>
              <content type="html">&lt;p&gt;Die Arbeiter kehrten zurück.&lt;/p&gt;&lt;p&gt;Die Schiffe warteten.&lt;/p&gt;</content>
            </entry>
            <entry>
              <title>Xhtml story</title><id>urn:a:2</id><updated>2026-11-28T10:00:00Z</updated>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <i>part</i>.</p><p>Second part.</p></div></content>
            </entry>
            <entry>
              <title>Summary only</title><id>urn:a:3</id><updated>2026-11-28T11:00:00Z</updated>
              <summary>Only a summary is given for this one.</summary>
            </entry>
            """;

        var report = await Writer.ImportFeedAsync(AtomFeed("Atom Shapes", [entries]), Atom);

        report.Created.Should().Be(3, Describe(report));
        var german = await Article("streik-beendet");
        german.Lang.Should().Be("de");
        german.Byline.Should().Be("Jonas Weber");
        german.Sections.Single().Paragraphs.Should().Equal("Die Arbeiter kehrten zurück.", "Die Schiffe warteten.");
        (await Article("xhtml-story")).Sections.Single().Paragraphs.Should().Equal("First part.", "Second part.");
        var summary = await Article("summary-only");
        summary.Lang.Should().Be("en", "the feed's xml:lang");
        summary.PublishedAt.Should().Be(new DateTime(2026, 11, 28, 11, 0, 0, DateTimeKind.Utc), "updated stands in for published");
    }

    [Fact]
    public async Task MissingOptionalElementsAreFineAndTheImageTitleIsNotTheFeedTitle()
    {
        const string channel = """
            <rss version="2.0"><channel>
            <image><title>Logo</title><url>https://example.com/logo.png</url><link>https://example.com</link></image>
            <title>Sparse Wire</title>
            <atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://example.com/rss" rel="self"/>
            <item><title>Bare item</title><description>Nothing but a title and a description.</description></item>
            <item><description>No title at all.</description></item>
            <item><title>Enclosure with a huge length</title><description>Fails alone.</description><enclosure url="https://example.com/a.mp3" length="99999999999999999999" type="audio/mpeg"/></item>
            <item><title>After the bad ones</title><description>Still stored.</description><source url="https://other.example/rss">Other</source></item>
            </channel></rss>
            """;

        var report = await Writer.ImportFeedAsync(channel);

        report.Created.Should().Be(2, Describe(report));
        report.Failed.Select(f => f.Line).Should().Equal(2, 3);
        report.Failed[0].Errors.Should().ContainKey("headline");
        (await Reader.StoredAsync("Sparse Wire")).Select(a => a.Headline).Should().BeEquivalentTo(["Bare item", "After the bad ones"]);
    }

    [Fact]
    public async Task CommentsProcessingInstructionsAndPrefixedAtomAreRead()
    {
        const string feed = """
            <?xml version="1.0"?>
            <?xml-stylesheet type="text/xsl" href="feed.xsl"?>
            <!-- generated -->
            <a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed Wire</a:title><!-- <a:entry> in a comment is not an entry -->
            <a:entry><a:title>Prefixed one</a:title><a:id>p1</a:id><a:updated>2026-01-01T00:00:00Z</a:updated><a:content>Body &lt;one&gt; with <![CDATA[</a:entry> in CDATA]]>.</a:content></a:entry><!-- between --><a:entry><a:title>Prefixed two</a:title><a:id>p2</a:id><a:updated>2026-01-02T00:00:00Z</a:updated><a:content>Body two.</a:content></a:entry>
            </a:feed>
            """;

        var report = await Writer.ImportFeedAsync(feed, Atom);

        report.Created.Should().Be(2, Describe(report));
        (await Article("prefixed-one")).Body.Should().EndWith("in CDATA.", "the end tag inside CDATA does not end the entry");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-1")]
    [InlineData("utf-8 with BOM")]
    public async Task FeedsInOtherEncodingsAreReadAsDeclared(string encodingName)
    {
        var (encoding, label) = encodingName switch
        {
            "utf-16" => (new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "utf-16"),
            "utf-16BE" => (new UnicodeEncoding(bigEndian: true, byteOrderMark: true), "utf-16"),
            "utf-8 with BOM" => (new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), "utf-8"),
            _ => (CodePage(encodingName), encodingName),
        };
        // Latin-1 has no dashes, curly quotes or euro sign; windows-1252 has them where Latin-1 has control characters.
        var body = "Grüße aus Zürich" + (encodingName == "iso-8859-1" ? ", naïve." : " – “quoted” and € sign.");
        var feed = $"""<?xml version="1.0" encoding="{label}"?>""" + "\n"
            + "<rss version=\"2.0\"><channel><title>Encoded Wire</title>"
            + $"<item><title>Café in Zürich</title><description>{body}</description></item></channel></rss>";

        var report = await Writer.ImportFeedAsync([.. encoding.GetPreamble(), .. encoding.GetBytes(feed)]);

        report.Created.Should().Be(1, Describe(report));
        (await Article("cafe-in-zurich")).Body.Should().Be(body);
    }

    [Fact]
    public async Task AFeedLabelledUtf16InUtf8IsReadAsUtf8()
    {
        var report = await Writer.ImportFeedAsync("""<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Mislabelled</title><item><title>Grüße</title><description>Read anyway.</description></item></channel></rss>""");

        report.Created.Should().Be(1, Describe(report));
        (await Reader.StoredAsync("Mislabelled")).Single().Headline.Should().Be("Grüße");
    }

    [Fact]
    public async Task AnEncodingNobodyKnowsIsAClearFailure()
    {
        var report = await Writer.ImportFeedAsync("""<?xml version="1.0" encoding="x-klingon"?><rss version="2.0"><channel><item><title>t</title></item></channel></rss>""");

        report.Created.Should().Be(0);
        report.Failed.Should().ContainSingle().Which.Errors["xml"].Single().Should().Contain("x-klingon");
    }

    [Fact]
    public async Task AFeedOfMegabytesWithThousandsOfItemsIsStoredWhole()
    {
        const int count = 3_000;
        var items = Enumerable.Range(1, count).Select(n => RssItem("bulk", n,
            extra: $"<content:encoded><![CDATA[<p>{string.Join(' ', Enumerable.Repeat($"word{n % 97}", 120))}</p>]]></content:encoded>"));
        var feed = RssFeed("Bulk Wire", items);
        Encoding.UTF8.GetByteCount(feed).Should().BeGreaterThan(3_000_000);

        var report = await Writer.ImportFeedAsync(feed);

        report.Created.Should().Be(count, Describe(report));
        (await Reader.StoredAsync("Bulk Wire")).Select(a => a.Headline).Should().OnlyHaveUniqueItems().And.HaveCount(count);
    }

    private async Task<ArticleDetail> Article(string slug) =>
        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{slug}", HttpExtensions.Json))!;

    private static string Describe(Api.Ingest.ImportReport report) => System.Text.Json.JsonSerializer.Serialize(report.Failed);

    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
