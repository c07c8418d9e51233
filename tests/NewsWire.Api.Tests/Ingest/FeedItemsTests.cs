using System.Text;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Resilience;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>
/// The feed reader on its own, fed in buffers of every size down to one byte: a tag, a CDATA end, a UTF-8
/// character or a line break split across two reads must change nothing, neither the entries found nor the
/// positions in the messages.
/// </summary>
public sealed class FeedItemsTests
{
    private static readonly int[] ChunkSizes = [1, 2, 3, 5, 13, 4096];

    private static readonly byte[][] Noise = [.. new[]
    {
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "<!--", "-->", "</item>", "<item>", "</entry>", "<entry>", "<?", "?>", "/>",
        "\0", "\uFFFF", "&#0;", "&#xD800;", "<!DOCTYPE", "\u00e9",
    }.Select(Encoding.UTF8.GetBytes)];

    public static TheoryData<string, string, string[]> Tricky { get; } = new()
    {
        {
            "CDATA holding ]] and an end tag",
            Channel("<item><title>One</title><description><![CDATA[a ]] b </item> c ]]]]></description></item>"),
            ["1: One | a ]] b c ]]"]
        },
        {
            "attributes holding > and quotes, and a processing instruction holding an end tag",
            Channel("""<item><title>Two</title><link x="a>b" y='"'/><?php echo "</item>"; ?><description>Body two.</description></item>"""),
            ["1: Two | Body two."]
        },
        {
            "an item inside an extension element of an item",
            Channel("<item><title>Outer</title><description>Outer body.</description><x:wrap xmlns:x=\"urn:x\"><item>inner</item></x:wrap></item>"),
            ["1: Outer | Outer body."]
        },
        {
            "multi-byte characters and character references",
            Channel("<item><title>Zürich – 東京 &amp; &#x41;&#66;</title><description>Grüße 😀.</description></item>"),
            ["1: Zürich – 東京 & AB | Grüße 😀."]
        },
        {
            "a self-closing item, a comment holding an item, then a good one",
            Channel("<item/><!-- <item><title>no</title></item> --><item><title>Three</title><description>Body three.</description></item>"),
            ["1: body=The body is required.; headline=The headline is required.", "2: Three | Body three."]
        },
        {
            "a stray end tag and an unclosed one inside an item, then a good one",
            Channel("<item><title>Bad</title></b><description>x <i>y</description></item>\n<item><title>Four</title><description>Body four.</description></item>"),
            ["1: entry=Entry 1 is not well-formed XML at line 3, position 27.", "2: Four | Body four."]
        },
        {
            "a DOCTYPE after the first item",
            Channel("<item><title>Five</title><description>Body five.</description></item><!DOCTYPE x>"),
            ["1: Five | Body five.", "2: xml=The feed cannot be read past line 3, position 70: the feed declares a DTD (<!DOCTYPE or <!ENTITY); DTDs are refused. The entries before it were read."]
        },
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task TrickyMarkupIsReadTheSameInBuffersOfAnySize(string what, string feed, string[] expected)
    {
        foreach (var size in ChunkSizes)
        {
            (await ReadAsync(Encoding.UTF8.GetBytes(feed), size)).Should().Equal(expected, "{0}, read {1} bytes at a time", what, size);
        }
    }

    [Fact]
    public async Task GeneratedFeedsReadOneByteAtATimeGiveWhatTheyGiveWhole()
    {
        var random = new Random(ResilienceSettings.Seed);
        for (var number = 1; number <= 12; number++)
        {
            var feed = GeneratedFeeds.Generate(random, "trickle", number);
            var whole = await ReadAsync(feed.Bytes, int.MaxValue);

            whole.Count(r => r.Contains(" | ", StringComparison.Ordinal)).Should().Be(feed.Stored.Count, feed.Description);
            foreach (var size in new[] { 1, 7 })
            {
                (await ReadAsync(feed.Bytes, size)).Should().Equal(whole, "{0}, read {1} bytes at a time", feed.Description, size);
            }
        }
    }

    /// <summary>Any bytes at all give items and failures, never an exception (which would be a 500).</summary>
    [Fact]
    public async Task MangledFeedsGiveItemsAndFailuresButNeverThrow()
    {
        var random = new Random(ResilienceSettings.Seed);
        for (var round = 0; round < 150; round++)
        {
            var feed = GeneratedFeeds.Generate(random, "mangled", round).Bytes.ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(feed.Count);
                switch (random.Next(3))
                {
                    case 0: feed.InsertRange(at, Noise[random.Next(Noise.Length)]); break;
                    case 1: feed.RemoveRange(at, Math.Min(random.Next(1, 50), feed.Count - at)); break;
                    default: feed[at] = (byte)random.Next(256); break;
                }
            }

            var act = () => ReadAsync([.. feed], random.Next(1, 5000));
            await act.Should().NotThrowAsync("mangled feed {0}", round);
        }
    }

    /// <summary>Each item as "entry: headline | body" or "entry: key=message".</summary>
    private static async Task<List<string>> ReadAsync(byte[] feed, int chunkSize)
    {
        var results = new List<string>();
        var chunks = feed.Chunk(chunkSize);
        await foreach (var item in FeedItems.ReadAsync(new ChunkStream(chunks), "Trickle", null, TimeProvider.System, CancellationToken.None))
        {
            results.Add(item.Draft is { } draft
                ? $"{item.Line}: {draft.Headline} | {string.Join(" / ", draft.Sections.SelectMany(s => s.Paragraphs))}"
                : $"{item.Line}: " + string.Join("; ", item.Errors!.Select(e => e.Key + "=" + string.Join(" ", e.Value))));
        }

        return results;
    }

    private static string Channel(string items) => $"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n{items}\n</channel></rss>";
}
