using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>Feeds fetched and read back as a feed reader would: XML by System.ServiceModel.Syndication.</summary>
public static class FeedReading
{
    public const string Base = "http://localhost";

    public static async Task<byte[]> GetFeedAsync(this HttpClient client, string path, string contentType)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static SyndicationFeed ReadAtom(byte[] body)
    {
        var formatter = new Atom10FeedFormatter();
        using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        formatter.CanRead(reader).Should().BeTrue("an Atom document starts with atom:feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    public static SyndicationFeed ReadRss(byte[] body)
    {
        var formatter = new Rss20FeedFormatter();
        using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        formatter.CanRead(reader).Should().BeTrue("an RSS 2.0 document starts with rss");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    public static JsonElement ReadJson(byte[] body) => JsonDocument.Parse(body).RootElement;

    public static XDocument Xml(byte[] body) => XDocument.Load(new MemoryStream(body));

    /// <summary>Entry ids in feed order, as article ids (the tag URI ends with the id).</summary>
    public static List<long> ArticleIds(IEnumerable<string> entryIds) =>
        entryIds.Select(id => long.Parse(id[(id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static List<long> Ids(this SyndicationFeed feed) => ArticleIds(feed.Items.Select(i => i.Id));

    public static List<long> JsonIds(this JsonElement feed) => ArticleIds(feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));

    public static string ExpectedId(ArticleDetail article) => $"tag:localhost,{article.CreatedAt:yyyy-MM-dd}:articles/{article.Id}";

    /// <summary>The lead, or else the first paragraph cut at a word before 300 characters.</summary>
    public static string ExpectedSummary(ArticleDetail article)
    {
        if (article.Lead is not null)
        {
            return article.Lead;
        }

        var paragraph = article.Body.Split("\n\n")[0];
        return paragraph.Length <= 300 ? paragraph : paragraph[..paragraph.LastIndexOf(' ', 300)].TrimEnd(',') + " …";
    }

    public static async Task<List<long>> ListingIdsAsync(this HttpClient client, string query) =>
        (await client.GetFromJsonAsync<ArticlePage>("/api/articles?" + query, HttpExtensions.Json))!.Items.Select(i => i.Id).ToList();

    public static async Task<List<long>> SearchIdsAsync(this HttpClient client, string query) =>
        (await client.GetFromJsonAsync<NewsWire.Api.Search.SearchResults>("/api/search?sort=newest&" + query, HttpExtensions.Json))!.Items.Select(i => i.Id).ToList();

    public static DateTimeOffset Seconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
