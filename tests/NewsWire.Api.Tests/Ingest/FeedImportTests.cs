using System.Text;
using System.Xml;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;
using static NewsWire.Api.Tests.Ingest.FeedUploads;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>What issue 9 found in feed import: each case failed before the fix (a hang, a 500, lost or wrong items).</summary>
public sealed class FeedImportTests : ServiceTest
{
    [Fact]
    public async Task AMinifiedAtomFeedWithTouchingEntriesStoresEveryEntry()
    {
        var feed = AtomFeed("Minified Wire", Enumerable.Range(1, 3).Select(n => AtomEntry("atomtouch", n)), separator: "");

        var report = await Writer.ImportFeedAsync(feed, Atom);

        report.Created.Should().Be(3);
        report.Failed.Should().BeEmpty();
        (await Reader.StoredAsync("Minified Wire")).Select(a => a.Headline).Should().BeEquivalentTo(
            Enumerable.Range(1, 3).Select(n => Headline("atomtouch", n)));
    }

    [Fact]
    public async Task AnRssChannelWithBothLanguageElementsIsReadToTheEndAndTakesTheFirst()
    {
        var feed = RssFeed("Two Languages", [RssItem("twolang", 1), RssItem("twolang", 2)],
            channelExtras: "<language>de</language>\n<dc:language>fr</dc:language>\n");

        var report = await Writer.ImportFeedAsync(feed);

        report.Created.Should().Be(2);
        (await Reader.StoredAsync("Two Languages")).Should().OnlyContain(a => a.Lang == "de");
    }

    [Fact]
    public async Task AFeedOverThirtyTwoKilobytesIsStoredWhole()
    {
        const string extra = "<category>world</category><category>markets</category><dc:creator>Wire Desk</dc:creator>"
            + "<media:thumbnail url=\"https://example.com/images/thumbnail.jpg\" width=\"640\" height=\"360\"/>"
            + "<content:encoded><![CDATA[<p>The full story, as the web page has it.</p><p>A second paragraph, as publishers send them.</p><p>And a third.</p>]]></content:encoded>";
        var feed = RssFeed("Sixty Items", Enumerable.Range(1, 60).Select(n => RssItem("sixty", n, extra: extra)));
        Encoding.UTF8.GetByteCount(feed).Should().BeGreaterThan(37_000, "the issue's feed was 37 KB");

        var report = await Writer.ImportFeedAsync(feed);

        report.Created.Should().Be(60);
        (await Reader.StoredAsync("Sixty Items")).Should().HaveCount(60);
    }

    [Fact]
    public async Task TouchingRssItemsAreEachStoredOnce()
    {
        var feed = RssFeed("Touching Items", Enumerable.Range(1, 100).Select(n => RssItem("touching", n)), separator: "");

        var report = await Writer.ImportFeedAsync(feed);

        report.Created.Should().Be(100);
        (await Reader.StoredAsync("Touching Items")).Select(a => a.Headline).Should().OnlyHaveUniqueItems().And.HaveCount(100);
    }

    [Theory]
    [InlineData("<pubDate>yesterday at noon</pubDate>", "yesterday at noon")]
    [InlineData("<pubDate>Mon, 45 Nov 2026 07:00:00 GMT</pubDate>", "Mon, 45 Nov 2026 07:00:00 GMT")]
    [InlineData("<dc:date>2026-13-01</dc:date>", "2026-13-01")]
    public async Task ABadRssDateFailsItsItemAloneAndNamesIt(string date, string value)
    {
        var items = Enumerable.Range(1, 5).Select(n => n == 2 ? RssItem("baddate", n, pubDate: null, extra: date) : RssItem("baddate", n)).ToList();

        var report = await Writer.ImportFeedAsync(RssFeed("Bad Dates", items));

        report.Created.Should().Be(4);
        var failure = report.Failed.Should().ContainSingle().Which;
        failure.Line.Should().Be(2);
        failure.Errors.Should().ContainKey("publishedAt").WhoseValue.Single().Should().Contain(value).And.Contain("Entry 2");
    }

    [Theory]
    [InlineData("lang=!!!", "lang")]
    [InlineData("lang=en_GB", "lang")]
    [InlineData("source=%00TASS", "source")]
    public async Task ABadSourceOrLangForTheWholeFeedIsOne400AndNothingIsStored(string query, string field)
    {
        var content = new StringContent(RssFeed("Bad Query", [RssItem("badquery", 1)]), Encoding.UTF8, Rss);

        var response = await Writer.PostAsync("/api/articles/import?" + query, content);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(field);
        (await Reader.StoredAsync("Bad Query")).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>")]
    [InlineData(true, "<published>0001-01-01T00:00:00Z</published>")]
    public async Task AFeedDateOfYearOneIsRefusedNotReplacedByNow(bool atom, string date)
    {
        // The feed formatter reads year one as it reads no date at all; the article must not be re-dated to now.
        var entries = Enumerable.Range(1, 3).ToList();
        var report = atom
            ? await Writer.ImportFeedAsync(AtomFeed("Year One", entries.Select(n => AtomEntry("yearone", n, extra: n == 2 ? date : ""))), Atom)
            : await Writer.ImportFeedAsync(RssFeed("Year One", entries.Select(n => n == 2 ? RssItem("yearone", n, pubDate: null, extra: date) : RssItem("yearone", n))));

        report.Created.Should().Be(2);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(2);
        report.Failed[0].Errors.Should().ContainKey("publishedAt").WhoseValue.Single().Should().Contain("1800");
    }

    [Theory]
    [InlineData("not-a-time", "")]
    [InlineData("2026-11-28T09:00:00Z", "<published>28/11/2026</published>")]
    public async Task ABadAtomDateFailsItsEntryAloneAndTheEntriesAfterItAreStored(string updated, string extra)
    {
        var entries = Enumerable.Range(1, 4).Select(n => n == 3 ? AtomEntry("atomdate", n, updated, extra) : AtomEntry("atomdate", n));

        var report = await Writer.ImportFeedAsync(AtomFeed("Atom Dates", entries), Atom);

        report.Created.Should().Be(3);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(3);
        report.Failed[0].Errors.Should().ContainKey("publishedAt");
    }

    [Fact]
    public async Task AnEntryOverTheArticleLimitFailsAloneWithoutBeingStored()
    {
        var attribute = new string('a', NdjsonItems.MaxLineBytes + 1000);
        var text = new string('t', NdjsonItems.MaxLineBytes + 1000);
        var items = new[]
        {
            RssItem("limit", 1),
            RssItem("limit", 2, extra: $"<media:content url=\"https://example.com/a.jpg\" data-x=\"{attribute}\"/>"),
            RssItem("limit", 3),
            RssItem("limit", 4, extra: $"<content:encoded>{text}</content:encoded>"),
            RssItem("limit", 5),
        };

        var report = await Writer.ImportFeedAsync(RssFeed("Limits", items));

        report.Created.Should().Be(3);
        report.Failed.Select(f => f.Line).Should().Equal(2, 4);
        report.Failed[0].Errors.Should().ContainKey("entry").WhoseValue.Single().Should().Contain(FormattableString.Invariant($"{NdjsonItems.MaxLineBytes:N0} bytes"));
        (await Reader.StoredAsync("Limits")).Select(a => a.Headline).Should().BeEquivalentTo([Headline("limit", 1), Headline("limit", 3), Headline("limit", 5)]);
    }

    [Fact]
    public async Task AMalformedEntryFailsAloneWithItsNumberAndPositionInOurOwnWords()
    {
        var items = Enumerable.Range(1, 5).Select(n => RssItem("malformed", n)).ToList();
        items[2] = items[2].Replace("<description>", "<description>Profits & losses: ", StringComparison.Ordinal);
        var feed = RssFeed("Malformed", items);
        var (line, position) = FirstXmlError(feed);

        var report = await Writer.ImportFeedAsync(feed);

        report.Created.Should().Be(4);
        var failure = report.Failed.Should().ContainSingle().Which;
        failure.Line.Should().Be(3);
        failure.Errors.Should().ContainKey("entry").WhoseValue.Should().Equal($"Entry 3 is not well-formed XML at line {line}, position {position}.");
    }

    [Fact]
    public async Task AnImportWhoseReaderIsCancelledStopsReading()
    {
        using var cancel = new CancellationTokenSource();
        var items = FeedItems.ReadAsync(new ChunkStream(EndlessChannel()), source: "Endless", lang: "en", TimeProvider.System, cancel.Token);
        var read = 0;

        var act = async () =>
        {
            await foreach (var item in items)
            {
                item.Draft.Should().NotBeNull();
                if (++read == 10)
                {
                    await cancel.CancelAsync();
                }

                if (read == 1_000)
                {
                    break; // the reader went on long after the cancellation
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(10);
    }

    /// <summary>Where a plain XmlReader stops in the whole document: with one bad entry, that entry's error.</summary>
    private static (int Line, int Position) FirstXmlError(string feed)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(feed));
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            return (e.LineNumber, e.LinePosition);
        }

        throw new InvalidOperationException("The feed is well-formed.");
    }

    /// <summary>An RSS channel that never ends, as an abandoned upload looks to the reader.</summary>
    private static IEnumerable<byte[]> EndlessChannel()
    {
        yield return Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Endless</title>\n");
        for (var n = 1; ; n++)
        {
            yield return Encoding.UTF8.GetBytes(RssItem("endless", n) + "\n");
        }
    }
}
