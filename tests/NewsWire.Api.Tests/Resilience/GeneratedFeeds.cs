using System.Globalization;
using System.Text;
using NewsWire.Api.Ingest;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>A generated feed and what importing it must do: store each good entry once (by headline), fail the rest (by number).</summary>
public sealed record GeneratedFeed(string Description, byte[] Bytes, string ContentType, string Query, string Source,
    IReadOnlyList<string> Stored, IReadOnlyList<int> Failed);

/// <summary>
/// Feeds as publishers write them, from a seed: Atom or RSS; minified, pretty-printed, or with comments and odd
/// whitespace between everything; from one entry to a few hundred; bodies as plain text, CDATA, escaped HTML,
/// content:encoded, Atom html and xhtml, or only a Media RSS description; Dublin Core and Media RSS elements;
/// optional elements left out at random. About one entry in ten is bad in a known way (a date that is not one,
/// no title, no body, not well-formed, over the per-article limit), so the expectation is exact.
/// </summary>
public static class GeneratedFeeds
{
    private enum Bad { None, Date, NoTitle, NoBody, Malformed, Oversized }

    private static readonly string[] Words = ["harbour", "grain", "strike", "election", "market", "storm", "bridge", "treaty", "rally", "vaccine", "river", "budget"];
    private static readonly string[] RssDates = ["Mon, 23 Nov 2026 07:00:00 GMT", "Tue, 24 Nov 2026 18:30:00 +0100", "24 Nov 2026 08:15 EST", "Wed, 25 Nov 2026 09:00:00 Z"];

    public static GeneratedFeed Generate(Random random, string mark, int number)
    {
        var atom = random.Next(2) == 0;
        var layout = random.Next(3); // 0 minified, 1 pretty, 2 noisy
        var count = random.Next(100) switch { < 70 => random.Next(1, 41), < 95 => random.Next(41, 201), _ => random.Next(201, 401) };
        var title = $"{mark} Wire {number}";
        var clientSource = random.Next(4) == 0 ? $"{mark} Agency {number}" : null;
        var allowOversized = random.Next(8) == 0;
        var stored = new List<string>();
        var failed = new List<int>();
        var entries = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            var bad = random.Next(10) != 0 ? Bad.None : (Bad)random.Next(1, allowOversized ? 6 : 5);
            var headline = $"{mark} f{number} e{n} {Words[random.Next(Words.Length)]}";
            entries.Add(atom ? AtomEntry(random, headline, n, bad, layout) : RssItem(random, headline, n, bad, layout));
            if (bad == Bad.None)
            {
                stored.Add(headline);
            }
            else
            {
                failed.Add(n);
            }
        }

        var separator = layout switch { 0 => "", 1 => "\n  ", _ => Noise(random) };
        var text = atom ? AtomFeed(title, entries, separator, random) : RssFeed(title, entries, separator, random);
        var description = $"feed {number}: {(atom ? "Atom" : "RSS")}, {(layout == 0 ? "minified" : layout == 1 ? "pretty" : "noisy")}, {count} entries, {failed.Count} bad";
        return new GeneratedFeed(description, Encoding.UTF8.GetBytes(text), atom ? "application/atom+xml" : "application/rss+xml",
            clientSource is null ? "" : "?source=" + Uri.EscapeDataString(clientSource), clientSource ?? title, stored, failed);
    }

    private static string RssFeed(string title, List<string> items, string separator, Random random)
    {
        var language = random.Next(4) switch { 0 => "", 1 => "<language>en-us</language>", 2 => "<language>en</language><dc:language>en</dc:language>", _ => "<dc:language>en</dc:language>" };
        return $"""<?xml version="1.0" encoding="UTF-8"?>{separator}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">"""
            + $"<channel>{separator}<title>{title}</title>{separator}<link>https://example.com/</link>{separator}<description>Generated</description>{separator}{language}{separator}"
            + $"<atom:link href=\"https://example.com/rss\" rel=\"self\" type=\"application/rss+xml\"/>{separator}"
            + "<image><title>Logo</title><url>https://example.com/logo.png</url><link>https://example.com/</link></image>" + separator
            + string.Join(separator, items) + $"{separator}</channel>{separator}</rss>{separator}";
    }

    private static string AtomFeed(string title, List<string> entries, string separator, Random random) =>
        $"""<?xml version="1.0" encoding="utf-8"?>{separator}<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"{(random.Next(2) == 0 ? " xml:lang=\"en\"" : "")}>"""
        + $"{separator}<title>{title}</title>{separator}<id>urn:{title.Replace(' ', '-')}</id>{separator}<updated>2026-11-29T10:00:00Z</updated>{separator}"
        + "<author><name>Desk</name></author>" + separator + string.Join(separator, entries) + $"{separator}</feed>";

    private static string RssItem(Random random, string headline, int n, Bad bad, int layout)
    {
        var parts = new List<string>();
        var body = Body(random, headline);
        if (bad != Bad.NoTitle)
        {
            parts.Add(random.Next(3) == 0 ? $"<title><![CDATA[{headline}]]></title>" : $"<title>{headline}</title>");
        }

        Maybe(random, parts, $"<link>https://example.com/{Uri.EscapeDataString(headline)}</link>");
        Maybe(random, parts, $"<guid isPermaLink=\"false\">{headline.Replace(' ', '-')}</guid>");
        parts.Add(bad == Bad.Date ? "<pubDate>sometime last week</pubDate>" : random.Next(4) switch
        {
            0 => "",
            1 => $"<dc:date>2026-11-{random.Next(1, 29):00}T10:00:00Z</dc:date>",
            _ => $"<pubDate>{RssDates[random.Next(RssDates.Length)]}</pubDate>",
        });
        if (bad != Bad.NoBody)
        {
            var malformed = bad == Bad.Malformed ? " Profits & losses <b>rose" : "";
            parts.Add(random.Next(5) switch
            {
                0 => $"<description>{body}{malformed}</description>",
                1 => $"<description><![CDATA[<p>{body}</p>]]>{malformed}</description>",
                2 => $"<description>&lt;p&gt;{body}&lt;/p&gt;{malformed}</description>",
                3 => $"<description>Teaser.</description><content:encoded><![CDATA[<p>{body}</p><p>More.</p>]]>{malformed}</content:encoded>",
                _ => $"<media:group><media:title>{headline}</media:title><media:description>{body}{malformed}</media:description></media:group>",
            });
        }

        Maybe(random, parts, $"<category>{Words[random.Next(Words.Length)]}</category><category domain=\"x\">world</category>");
        Maybe(random, parts, "<dc:creator>Anna Berg</dc:creator><dc:subject>news</dc:subject>");
        Maybe(random, parts, "<media:content url=\"https://example.com/a.jpg\" medium=\"image\" width=\"640\"><media:credit>AP</media:credit></media:content><media:thumbnail url=\"https://example.com/t.jpg\"/>");
        Maybe(random, parts, "<enclosure url=\"https://example.com/a.mp3\" length=\"12345\" type=\"audio/mpeg\"/><comments>https://example.com/c</comments>");
        if (bad == Bad.Oversized)
        {
            parts.Add($"<media:content url=\"https://example.com/huge.jpg\" data-x=\"{new string('x', FeedItems.MaxEntryBytes + n)}\"/>");
        }

        Shuffle(random, parts, keepFirst: 0);
        var inner = layout == 1 ? "\n    " : "";
        return $"<item>{inner}" + string.Join(inner, parts.Where(p => p.Length > 0)) + (layout == 1 ? "\n  " : "") + "</item>";
    }

    private static string AtomEntry(Random random, string headline, int n, Bad bad, int layout)
    {
        var parts = new List<string>();
        var body = Body(random, headline);
        parts.Add(bad == Bad.NoTitle ? "<title></title>" : random.Next(3) == 0 ? $"<title type=\"html\">&lt;b&gt;{headline}&lt;/b&gt;</title>" : $"<title>{headline}</title>");
        parts.Add($"<id>urn:entry:{headline.Replace(' ', '-')}</id>");
        parts.Add(bad == Bad.Date ? "<updated>last Tuesday</updated>" : $"<updated>2026-11-{random.Next(1, 29):00}T0{random.Next(10)}:00:00Z</updated>");
        Maybe(random, parts, "<published>2026-11-01T08:00:00+02:00</published>");
        Maybe(random, parts, $"<link rel=\"alternate\" type=\"text/html\" href=\"https://example.com/{n}\"/>");
        if (bad != Bad.NoBody)
        {
            var malformed = bad == Bad.Malformed ? " AT&T <i>unclosed" : "";
            parts.Add(random.Next(4) switch
            {
                0 => $"<content type=\"text\">{body}{malformed}</content>",
                1 => $"<content type=\"html\">&lt;p&gt;{body}&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;{malformed}</content>",
                2 => $"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{body}</p>{malformed}</div></content>",
                _ => $"<summary>{body}{malformed}</summary>",
            });
        }

        Maybe(random, parts, $"<category term=\"{Words[random.Next(Words.Length)]}\" label=\"Topic\"/>");
        Maybe(random, parts, "<author><name>Jonas Weber</name><email>jw@example.com</email></author>");
        Maybe(random, parts, "<media:thumbnail url=\"https://example.com/t.jpg\" width=\"120\"/>");
        if (bad == Bad.Oversized)
        {
            parts.Add($"<link rel=\"enclosure\" href=\"https://example.com/{new string('x', FeedItems.MaxEntryBytes + n)}\"/>");
        }

        Shuffle(random, parts, keepFirst: 0);
        var inner = layout == 1 ? "\n    " : "";
        var lang = random.Next(5) == 0 ? " xml:lang=\"en-GB\"" : "";
        return $"<entry{lang}>{inner}" + string.Join(inner, parts) + (layout == 1 ? "\n  " : "") + "</entry>";
    }

    /// <summary>Sixty words from a big vocabulary, so no two bodies are near-duplicates of each other.</summary>
    private static string Body(Random random, string headline)
    {
        var words = Enumerable.Range(0, 60).Select(_ => Words[random.Next(Words.Length)] + random.Next(1000).ToString(CultureInfo.InvariantCulture));
        return $"{headline} was reported today. " + string.Join(' ', words) + ".";
    }

    private static void Maybe(Random random, List<string> parts, string part)
    {
        if (random.Next(2) == 0)
        {
            parts.Add(part);
        }
    }

    private static void Shuffle(Random random, List<string> parts, int keepFirst)
    {
        for (var i = parts.Count - 1; i > keepFirst; i--)
        {
            var j = random.Next(keepFirst, i + 1);
            (parts[i], parts[j]) = (parts[j], parts[i]);
        }
    }

    private static string Noise(Random random) =>
        random.Next(4) switch { 0 => "\r\n", 1 => "\n<!-- ad slot -->\n", 2 => " \t", _ => "<?tracker id=\"7\"?>" };
}
