using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace NewsWire.Api.Feeds;

/// <summary>
/// Atom 1.0 and RSS 2.0 by System.ServiceModel.Syndication, from one <see cref="SyndicationFeed"/>. Links
/// beyond RSS's own (self, next, first, search) go out as atom:link, which RSS readers understand.
/// </summary>
public static class XmlFeeds
{
    public const string AtomType = "application/atom+xml";
    public const string RssType = "application/rss+xml";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static byte[] Atom(FeedDocument document) => Write(new Atom10FeedFormatter(Build(document, AtomType)));

    public static byte[] Rss(FeedDocument document) => Write(new Rss20FeedFormatter(Build(document, RssType)));

    private static SyndicationFeed Build(FeedDocument document, string type)
    {
        var links = document.Links;
        var feed = new SyndicationFeed(XmlText.Clean(document.Title), XmlText.Clean(document.Description), links.Home, links.FeedId(), document.Updated)
        {
            Generator = "NewsWire",
            Language = document.Language,
        };
        feed.Authors.Add(new SyndicationPerson { Name = "NewsWire" });
        feed.Links.Add(new SyndicationLink(links.Self, "self", null, type, 0));
        feed.Links.Add(new SyndicationLink(links.First, "first", null, type, 0));
        if (document.Page.Next is { } next)
        {
            // RFC 5005: the next page of a paged feed, by the listing cursor.
            feed.Links.Add(new SyndicationLink(links.Next(next), "next", null, type, 0));
        }

        feed.Links.Add(new SyndicationLink(links.OpenSearch, "search", "NewsWire", OpenSearch.ContentType, 0));
        feed.Items = document.Page.Entries.Select(entry => Item(entry, links, isRss: type == RssType)).ToList();
        return feed;
    }

    private static SyndicationItem Item(FeedEntry entry, FeedLinks links, bool isRss)
    {
        var item = new SyndicationItem
        {
            Id = links.EntryId(entry),
            Title = new TextSyndicationContent(XmlText.Clean(entry.Headline)),
            Summary = new TextSyndicationContent(XmlText.Clean(entry.Summary)),
            PublishDate = new DateTimeOffset(entry.PublishedAt, TimeSpan.Zero),
            LastUpdatedTime = new DateTimeOffset(entry.UpdatedAt, TimeSpan.Zero),
        };

        // The first alternate link is RSS's <link>: the reader page; the JSON of the article beside it.
        item.Links.Add(new SyndicationLink(links.ArticlePage(entry), "alternate", null, "text/html", 0));
        item.Links.Add(new SyndicationLink(links.ArticleJson(entry), "alternate", null, "application/json", 0));
        if (entry.Url is not null && Uri.TryCreate(entry.Url, UriKind.Absolute, out var original))
        {
            item.Links.Add(new SyndicationLink(original, "via", null, null, 0));
        }

        if (entry.Source is not null)
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(entry.Source) });
            if (isRss)
            {
                // RSS's own <author> must be an e-mail address; readers take a name from Dublin Core's creator.
                item.ElementExtensions.Add("creator", DublinCore, XmlText.Clean(entry.Source));
            }
        }

        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(XmlText.Clean(tag)));
        }

        return item;
    }

    private static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
