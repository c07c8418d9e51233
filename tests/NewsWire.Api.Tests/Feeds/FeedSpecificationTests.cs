using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using static NewsWire.Api.Tests.Feeds.FeedReading;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>
/// What the specifications require, checked on the raw documents: RFC 4287 (Atom 1.0), RSS 2.0 and JSON
/// Feed 1.1, beyond what a lenient parser would forgive.
/// </summary>
public sealed class FeedSpecificationTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/feeds/atom")]
    [InlineData("/feeds/atom?q=refugees&source=TASS&limit=3")]
    [InlineData("/feeds/atom?tag=nothing-has-this")]
    public async Task AtomHasEveryElementRfc4287Requires(string path)
    {
        var feed = Xml(await fixture.Client.GetFeedAsync(path, "application/atom+xml")).Root!;

        feed.Name.Should().Be(Atom + "feed");
        foreach (var name in new[] { "id", "title", "updated" })
        {
            feed.Elements(Atom + name).Should().ContainSingle($"atom:feed has exactly one atom:{name}");
        }

        IsAbsoluteIri(feed.Element(Atom + "id")!.Value).Should().BeTrue();
        IsRfc3339(feed.Element(Atom + "updated")!.Value).Should().BeTrue();
        feed.Elements(Atom + "author").Should().NotBeEmpty("a feed-level author stands in for entries without a source");
        feed.Elements(Atom + "author").Elements(Atom + "name").Should().NotBeEmpty();
        feed.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "self").Should().ContainSingle();
        AlternatesAreUniquePerTypeAndLanguage(feed);

        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated" })
            {
                entry.Elements(Atom + name).Should().ContainSingle($"atom:entry has exactly one atom:{name}");
            }

            IsAbsoluteIri(entry.Element(Atom + "id")!.Value).Should().BeTrue();
            IsRfc3339(entry.Element(Atom + "updated")!.Value).Should().BeTrue();
            IsRfc3339(entry.Element(Atom + "published")!.Value).Should().BeTrue();
            // Without atom:content an entry needs an alternate link and a summary.
            entry.Elements(Atom + "content").Should().BeEmpty();
            entry.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("type") == "text/html");
            entry.Elements(Atom + "summary").Should().ContainSingle().Which.Attribute("type")!.Value.Should().Be("text");
            entry.Elements(Atom + "title").Single().Attribute("type")!.Value.Should().Be("text");
            AlternatesAreUniquePerTypeAndLanguage(entry);
            foreach (var link in entry.Elements(Atom + "link"))
            {
                IsAbsoluteIri(link.Attribute("href")!.Value).Should().BeTrue();
            }
        }
    }

    [Theory]
    [InlineData("/feeds/rss")]
    [InlineData("/feeds/rss?q=refugees&source=TASS&limit=3")]
    [InlineData("/feeds/rss?tag=nothing-has-this")]
    public async Task RssHasEveryElementRss20Requires(string path)
    {
        var rss = Xml(await fixture.Client.GetFeedAsync(path, "application/rss+xml")).Root!;

        rss.Name.LocalName.Should().Be("rss");
        rss.Attribute("version")!.Value.Should().Be("2.0");
        var channel = rss.Elements("channel").Should().ContainSingle().Subject;
        foreach (var name in new[] { "title", "link", "description" })
        {
            channel.Elements(name).Should().ContainSingle($"an RSS channel has exactly one {name}").Which.Value.Should().NotBeEmpty();
        }

        IsAbsoluteIri(channel.Element("link")!.Value).Should().BeTrue();
        IsRfc822(channel.Element("lastBuildDate")!.Value).Should().BeTrue();
        channel.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "self", "the RSS Advisory Board recommends atom:link rel=self");

        foreach (var item in channel.Elements("item"))
        {
            (item.Element("title") ?? item.Element("description")).Should().NotBeNull("an item has a title or a description");
            var guid = item.Elements("guid").Should().ContainSingle().Subject;
            guid.Attribute("isPermaLink")!.Value.Should().Be("false", "a tag URI is not an address to fetch");
            IsAbsoluteIri(guid.Value).Should().BeTrue();
            IsAbsoluteIri(item.Element("link")!.Value).Should().BeTrue();
            IsRfc822(item.Element("pubDate")!.Value).Should().BeTrue();
            item.Elements("author").Should().BeEmpty("RSS's author must be an e-mail address; a source is not one");
            item.Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))!.Value.Should().NotBeEmpty();
        }
    }

    [Theory]
    [InlineData("/feeds/json")]
    [InlineData("/feeds/json?q=refugees&source=TASS&limit=3")]
    [InlineData("/feeds/json?tag=nothing-has-this")]
    public async Task JsonFeedHasEveryFieldJsonFeed11Requires(string path)
    {
        var feed = ReadJson(await fixture.Client.GetFeedAsync(path, "application/feed+json"));

        feed.GetProperty("version").GetString().Should().Be("https://jsonfeed.org/version/1.1");
        feed.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        feed.GetProperty("items").ValueKind.Should().Be(JsonValueKind.Array);
        feed.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('_'))
            .Should().OnlyContain(n => KnownFeedFields.Contains(n), "extensions start with an underscore");
        foreach (var item in feed.GetProperty("items").EnumerateArray())
        {
            item.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
            (item.TryGetProperty("content_text", out _) || item.TryGetProperty("content_html", out _)).Should().BeTrue("an item has content_text or content_html");
            IsAbsoluteIri(item.GetProperty("url").GetString()!).Should().BeTrue();
            IsRfc3339(item.GetProperty("date_published").GetString()!).Should().BeTrue();
            IsRfc3339(item.GetProperty("date_modified").GetString()!).Should().BeTrue();
            item.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('_')).Should().OnlyContain(n => KnownItemFields.Contains(n));
        }
    }

    private static readonly HashSet<string> KnownFeedFields =
        ["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"];

    private static readonly HashSet<string> KnownItemFields =
        ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"];

    private static void AlternatesAreUniquePerTypeAndLanguage(XElement parent) =>
        parent.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")))
            .Should().OnlyContain(g => g.Count() == 1, "RFC 4287 allows one alternate link per type and language");

    private static bool IsAbsoluteIri(string value) => Uri.TryCreate(value, UriKind.Absolute, out _);

    private static bool IsRfc3339(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>RFC 822 as RSS 2.0 uses it: "Fri, 18 Sep 2015 00:00:00 Z" (Z is one of RFC 822's zones).</summary>
    private static bool IsRfc822(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (Z|GMT|UT|[+-]\d{4})$");
}
