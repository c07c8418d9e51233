using System.Text;
using System.Xml;

namespace NewsWire.Api.Feeds;

/// <summary>
/// The OpenSearch 1.1 description of the archive's search: browsers and feed readers learn from it how to
/// search NewsWire, as JSON (<c>/api/search</c>) or as a feed. Templates carry only <c>{searchTerms}</c>:
/// clients fill optional parameters they lack with an empty string, and an empty <c>limit</c> is a 400.
/// </summary>
public static class OpenSearch
{
    public const string ContentType = "application/opensearchdescription+xml";
    private const string Namespace = "http://a9.com/-/spec/opensearch/1.1/";

    public static byte[] Describe(FeedLinks links)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("OpenSearchDescription", Namespace);
            xml.WriteElementString("ShortName", Namespace, "NewsWire");
            xml.WriteElementString("Description", Namespace,
                "Search the NewsWire archive of wire news: words, \"exact phrases\", OR, -exclusions, prefix*, headline:word.");
            xml.WriteElementString("Tags", Namespace, "news wire archive");
            Url(xml, "application/json", links.Home, "api/search");
            Url(xml, XmlFeeds.AtomType, links.Home, "feeds/atom");
            Url(xml, XmlFeeds.RssType, links.Home, "feeds/rss");
            Url(xml, JsonFeed.ContentType, links.Home, "feeds/json");
            xml.WriteStartElement("Url", Namespace);
            xml.WriteAttributeString("type", ContentType);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("template", links.OpenSearch.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteStartElement("Query", Namespace);
            xml.WriteAttributeString("role", "example");
            xml.WriteAttributeString("searchTerms", "refugees");
            xml.WriteEndElement();
            xml.WriteElementString("Language", Namespace, "*");
            xml.WriteElementString("InputEncoding", Namespace, "UTF-8");
            xml.WriteElementString("OutputEncoding", Namespace, "UTF-8");
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void Url(XmlWriter xml, string type, Uri home, string path)
    {
        xml.WriteStartElement("Url", Namespace);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("template", new Uri(home, path).AbsoluteUri + "?q={searchTerms}");
        xml.WriteEndElement();
    }
}
