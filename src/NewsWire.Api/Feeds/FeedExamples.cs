using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsWire.Api.Feeds;

/// <summary>Gives the XML answers (Atom, RSS, OpenSearch) real examples in the OpenAPI document.</summary>
internal sealed class FeedExamples : IOperationFilter
{
    private const string Entry = "tag:news.example.com,2026-11-29:articles/1";
    private const string Page = "https://news.example.com/articles/russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe";
    private const string Headline = "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe";
    private const string Lead = "The officer said the flow of refugees will only grow as Islamic State is seizing new territories";

    private static readonly Dictionary<string, (string Type, string Example)> Examples = new()
    {
        [nameof(FeedsApi.GetAtomFeed)] = (XmlFeeds.AtomType, $"""
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">NewsWire: refugees, source TASS</title><id>tag:news.example.com,2026:feeds?q=refugees&amp;source=TASS</id><updated>2026-11-29T10:00:00Z</updated><author><name>NewsWire</name></author><link rel="self" type="application/atom+xml" href="https://news.example.com/feeds/atom?q=refugees&amp;source=TASS" /><link rel="next" type="application/atom+xml" href="https://news.example.com/feeds/atom?q=refugees&amp;source=TASS&amp;cursor=bi42MzU3NzQ4ODAwMDAwMDAwMDAuMQ" /><link rel="search" type="application/opensearchdescription+xml" title="NewsWire" href="https://news.example.com/opensearch.xml" /><entry><id>{Entry}</id><title type="text">{Headline}</title><summary type="text">{Lead}</summary><published>2015-09-18T00:00:00Z</published><updated>2026-11-29T10:00:00Z</updated><author><name>TASS</name></author><link rel="alternate" type="text/html" href="{Page}" /><link rel="alternate" type="application/json" href="https://news.example.com/api/articles/1" /><category term="refugees" /></entry></feed>
            """),
        [nameof(FeedsApi.GetRssFeed)] = (XmlFeeds.RssType, $"""
            <?xml version="1.0" encoding="utf-8"?><rss xmlns:a10="http://www.w3.org/2005/Atom" version="2.0"><channel><title>NewsWire: refugees, source TASS</title><link>https://news.example.com/</link><description>The newest articles in the NewsWire archive for refugees, source TASS.</description><lastBuildDate>Sun, 29 Nov 2026 10:00:00 Z</lastBuildDate><a10:link rel="self" type="application/rss+xml" href="https://news.example.com/feeds/rss?q=refugees&amp;source=TASS" /><item><guid isPermaLink="false">{Entry}</guid><link>{Page}</link><category>refugees</category><title>{Headline}</title><description>{Lead}</description><pubDate>Fri, 18 Sep 2015 00:00:00 Z</pubDate><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">TASS</dc:creator></item></channel></rss>
            """),
        [nameof(FeedsApi.GetOpenSearchDescription)] = (OpenSearch.ContentType, """
            <?xml version="1.0" encoding="utf-8"?><OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/"><ShortName>NewsWire</ShortName><Description>Search the NewsWire archive of wire news.</Description><Url type="application/json" template="https://news.example.com/api/search?q={searchTerms}" /><Url type="application/atom+xml" template="https://news.example.com/feeds/atom?q={searchTerms}" /></OpenSearchDescription>
            """),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example)
            && operation.Responses?.TryGetValue("200", out var response) == true
            && response.Content?.TryGetValue(example.Type, out var content) == true)
        {
            content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 XML." };
            content.Example = JsonValue.Create(example.Example);
        }
    }
}
