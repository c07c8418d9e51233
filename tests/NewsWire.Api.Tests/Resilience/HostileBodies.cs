using System.Text;
using NewsWire.Api.Tests.Ingest;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>A request body a client should not send: its bytes, its declared type, and a header it may lie with.</summary>
public sealed record HostileBody(string Name, string? ContentType, byte[]? Bytes, string? ContentEncoding = null)
{
    public HttpContent? ToContent()
    {
        if (Bytes is null)
        {
            return null;
        }

        var content = new ByteArrayContent(Bytes);
        if (ContentType is not null)
        {
            // Unvalidated, so that malformed media types reach the server as written.
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        if (ContentEncoding is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", ContentEncoding);
        }

        return content;
    }
}

/// <summary>Malformed, oversized, mistyped and mislabelled bodies, built once.</summary>
public static class HostileBodies
{
    private const string Valid = """{"headline":"Hostile body test","body":"A valid article.\n\nWith two paragraphs.","source":"Test"}""";

    public static IReadOnlyList<HostileBody> All { get; } = Build();

    private static List<HostileBody> Build()
    {
        var deepArray = new string('[', 10_000) + new string(']', 10_000);
        var deepObject = """{"headline":""" + string.Concat(Enumerable.Repeat("""{"a":""", 5_000)) + "1" + new string('}', 5_001);
        var tags = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"\"tag-{i:D5}\""));
        var random = new Random(7);
        var binary = new byte[4096];
        random.NextBytes(binary);
        return
        [
            new("no body", null, null),
            new("empty JSON", "application/json", []),
            new("valid article", "application/json", Utf8(Valid)),
            new("truncated JSON", "application/json", Utf8("""{"headline": "x", "body": """)),
            new("JSON array", "application/json", Utf8("[1, 2, 3]")),
            new("JSON null", "application/json", Utf8("null")),
            new("JSON string", "application/json", Utf8("\"just text\"")),
            new("wrong types", "application/json", Utf8("""{"headline": 5, "body": ["a"], "tags": "x", "publishedAt": true, "lang": {}}""")),
            new("unknown property", "application/json", Utf8("""{"headline": "a", "body": "b", "admin": true}""")),
            new("duplicate properties", "application/json", Utf8("""{"headline": "a", "headline": "b", "body": "c"}""")),
            new("huge headline (1.5 MB)", "application/json", Utf8($$"""{"headline": "{{new string('h', 1_500_000)}}", "body": "b"}""")),
            new("over the size limit (3 MB)", "application/json", Utf8($$"""{"headline": "a", "body": "{{new string('b', 3_000_000)}}"}""")),
            new("100,000 tags (about 1 MB)", "application/json", Utf8($$"""{"headline": "a", "body": "b", "tags": [{{tags}}]}""")),
            new("10,000 nested arrays", "application/json", Utf8(deepArray)),
            new("5,000 nested objects", "application/json", Utf8(deepObject)),
            new("invalid UTF-8 in JSON", "application/json", [.. Utf8("""{"headline": "bad """), 0xFF, 0xFE, 0xC3, 0x28, .. Utf8("\", \"body\": \"b\"}")]),
            new("NUL and control characters", "application/json", Utf8("{\"headline\": \"a\\u0000b\\u001b[31m\", \"body\": \"\\u0007\\u0008\"}")),
            new("lone surrogate", "application/json", Utf8("""{"headline": "\ud800", "body": "\udfff"}""")),
            new("invalid UTF-8 wire copy", "text/plain; charset=utf-8", [.. Utf8("HEADLINE\n\nLONDON, May 1 (Reuters) - "), 0xFF, 0xC0, 0x80, .. Utf8(" text.")]),
            new("binary", "application/octet-stream", binary),
            new("NDJSON with bad lines", "application/x-ndjson", Utf8(Valid + "\n{broken\n[1]\nnull\n" + deepArray + "\n\u00FF\n")),
            new("XML entity bomb", "application/rss+xml", Utf8("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title></item></channel></rss>""")),
            new("malformed XML", "application/atom+xml", Utf8("<feed><entry><title>unclosed")),
            new("HTML", "text/html", Utf8("<html><body>" + Valid + "</body></html>")),
            new("multipart form", "multipart/form-data; boundary=xyz", Utf8("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n")),
            new("urlencoded form", "application/x-www-form-urlencoded", Utf8("headline=a&body=b")),
            new("JSON declared Latin-1", "application/json; charset=iso-8859-1", Encoding.Latin1.GetBytes("""{"headline": "Zürich", "body": "Grüße"}""")),
            new("malformed media type", "@@@/;;;=", Utf8(Valid)),
            new("gzip that is not gzip", "application/json", Utf8(Valid), ContentEncoding: "gzip"),
            new("gzip JSON", "application/json", Gzip(Utf8(Valid)), ContentEncoding: "gzip"),
            new("gzip bomb (20 MB of zeros)", "application/json", Gzip(new byte[20_000_000]), ContentEncoding: "gzip"),
            new("gzip NDJSON bomb (20 MB of newlines)", "application/x-ndjson", Gzip(Enumerable.Repeat((byte)'\n', 20_000_000).ToArray()), ContentEncoding: "gzip"),
            new("unknown content coding", "application/json", Utf8(Valid), ContentEncoding: "zstd"),
            new("two content codings", "application/json", Gzip(Gzip(Utf8(Valid))), ContentEncoding: "gzip, gzip"),
            new("JSON with a byte-order mark", "application/json", [0xEF, 0xBB, 0xBF, .. Utf8(Valid)]),
            new("RSS as text/xml", "text/xml", Utf8("""<rss version="2.0"><channel><title>T</title><item><title>Hostile feed item</title><description>A body.</description></item></channel></rss>""")),
            .. HostileFeeds(),
        ];
    }

    /// <summary>The feeds of issue 9 (each hung, answered 500, lost items or held too much) and their neighbours.</summary>
    private static IEnumerable<HostileBody> HostileFeeds()
    {
        static IEnumerable<string> Items(string mark, int count, Func<int, string>? extra = null) =>
            Enumerable.Range(1, count).Select(n => FeedUploads.RssItem(mark, n, extra: extra?.Invoke(n) ?? ""));
        var huge = new string('a', Api.Ingest.FeedItems.MaxEntryBytes + 1);
        var scripts = string.Concat(Enumerable.Repeat("<script>", 100_000));
        yield return new("minified Atom, touching entries", FeedUploads.Atom, Utf8(FeedUploads.AtomFeed("Hostile", Enumerable.Range(1, 3).Select(n => FeedUploads.AtomEntry("hostile", n)), separator: "")));
        yield return new("RSS with language and dc:language", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostlang", 2), channelExtras: "<language>en</language><dc:language>en</dc:language>")));
        yield return new("RSS of 40 KB, touching items", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostbig", 100), separator: "")));
        yield return new("RSS with a bad date", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostdate", 3, n => n == 2 ? "<dc:date>never</dc:date>" : ""))));
        yield return new("RSS item with a 2 MiB attribute", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostattr", 2, n => n == 1 ? $"<media:content url=\"https://example.com/a\" x=\"{huge}\"/>" : ""))));
        yield return new("RSS enclosure length past 64 bits", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostlen", 2, _ => "<enclosure url=\"https://example.com/a.mp3\" length=\"99999999999999999999\" type=\"audio/mpeg\"/>"))));
        yield return new("RSS with unclosed scripts in content:encoded", FeedUploads.Rss, Utf8(FeedUploads.RssFeed("Hostile", Items("hostscript", 1, _ => $"<content:encoded><![CDATA[{scripts}]]></content:encoded>"))));
        yield return new("Atom cut off inside an entry", FeedUploads.Atom, Utf8(FeedUploads.AtomFeed("Hostile", [FeedUploads.AtomEntry("hostcut", 1)])[..^40]));
        yield return new("UTF-16 RSS", FeedUploads.Rss, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(FeedUploads.RssFeed("Hostile", Items("hostutf16", 2)).Replace("utf-8", "utf-16", StringComparison.Ordinal))]);
        yield return new("RSS 1.0 (RDF)", FeedUploads.Rss, Utf8("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>t</title></item></rdf:RDF>"""));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
