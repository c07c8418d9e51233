using System.Globalization;
using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>
/// Feeds as publishers write them (RSS 2.0 with the Dublin Core, content and Media RSS namespaces; Atom 1.0),
/// and the import and read-back of one over HTTP.
/// </summary>
public static class FeedUploads
{
    public const string Rss = "application/rss+xml";
    public const string Atom = "application/atom+xml";

    public const string RssNamespaces = """xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" """;

    /// <summary>An RSS 2.0 channel; <paramref name="separator"/> goes between elements ("" is a minified feed).</summary>
    public static string RssFeed(string title, IEnumerable<string> items, string separator = "\n", string channelExtras = "") =>
        $"""<?xml version="1.0" encoding="utf-8"?>{separator}<rss version="2.0" {RssNamespaces}><channel>{separator}"""
        + $"<title>{title}</title>{separator}<link>https://example.com/</link>{separator}<description>Wire</description>{separator}{channelExtras}"
        + string.Join(separator, items) + $"{separator}</channel></rss>{separator}";

    /// <summary>An item with a headline unique to <paramref name="mark"/> and <paramref name="n"/>.</summary>
    public static string RssItem(string mark, int n, string? pubDate = "Mon, 23 Nov 2026 07:00:00 GMT", string extra = "") =>
        $"<item><title>{Headline(mark, n)}</title><link>https://example.com/{mark}/{n}</link>"
        + $"<description>{Body(mark, n)}</description>"
        + (pubDate is null ? "" : $"<pubDate>{pubDate}</pubDate>")
        + $"<guid isPermaLink=\"false\">{mark}-{n}</guid>{extra}</item>";

    public static string AtomFeed(string title, IEnumerable<string> entries, string separator = "\n") =>
        $"""<?xml version="1.0" encoding="utf-8"?>{separator}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">{separator}"""
        + $"<title>{title}</title>{separator}<id>urn:feed:{title}</id>{separator}<updated>2026-11-29T10:00:00Z</updated>{separator}"
        + string.Join(separator, entries) + $"{separator}</feed>{separator}";

    public static string AtomEntry(string mark, int n, string updated = "2026-11-28T09:00:00Z", string extra = "") =>
        $"<entry><title>{Headline(mark, n)}</title><id>urn:{mark}:{n}</id><updated>{updated}</updated>"
        + $"<link rel=\"alternate\" href=\"https://example.com/{mark}/{n}\"/><content type=\"text\">{Body(mark, n)}</content>{extra}</entry>";

    public static string Headline(string mark, int n) => $"{mark} story {n.ToString(CultureInfo.InvariantCulture)}";

    public static string Body(string mark, int n) =>
        $"The {mark} desk filed story {n.ToString(CultureInfo.InvariantCulture)} on Monday. It has a second sentence about item {n.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>Posts a feed and reads the report. A bound on the wait turns a server that never answers into a failure.</summary>
    public static async Task<ImportReport> ImportFeedAsync(this HttpClient writer, string feed, string contentType = Rss, string query = "") =>
        await writer.ImportFeedAsync(Encoding.UTF8.GetBytes(feed), contentType, query);

    public static async Task<ImportReport> ImportFeedAsync(this HttpClient writer, byte[] feed, string contentType = Rss, string query = "")
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var content = new ByteArrayContent(feed);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await writer.PostAsync("/api/articles/import" + query, content, guard.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(guard.Token));
        return await response.ReadAsAsync<ImportReport>();
    }

    /// <summary>Every stored article of <paramref name="source"/>, near-duplicates included, page by page.</summary>
    public static async Task<List<ArticleSummary>> StoredAsync(this HttpClient reader, string source)
    {
        var stored = new List<ArticleSummary>();
        string? cursor = null;
        do
        {
            var url = $"/api/articles?source={Uri.EscapeDataString(source)}&includeDuplicates=true&limit=100"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = (await reader.GetFromJsonAsync<ArticlePage>(url, HttpExtensions.Json))!;
            stored.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return stored;
    }
}
