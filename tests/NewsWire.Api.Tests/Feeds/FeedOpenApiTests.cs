using System.Text;
using System.Text.Json.Nodes;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>The feeds, the catalogue and related stories in the OpenAPI document, with examples that parse.</summary>
public sealed class FeedOpenApiTests : ServiceTest
{
    [Theory]
    [InlineData("/feeds/atom", "GetAtomFeed", "application/atom+xml")]
    [InlineData("/feeds/rss", "GetRssFeed", "application/rss+xml")]
    [InlineData("/feeds/json", "GetJsonFeed", "application/feed+json")]
    [InlineData("/opensearch.xml", "GetOpenSearchDescription", "application/opensearchdescription+xml")]
    [InlineData("/api/sources", "GetSources", "application/json")]
    [InlineData("/api/tags", "GetTags", "application/json")]
    [InlineData("/api/places", "GetPlaces", "application/json")]
    [InlineData("/api/articles/{id}/related", "GetRelatedArticles", "application/json")]
    public async Task EachOperationIsNamedDescribedAndTyped(string path, string name, string type)
    {
        var operation = (await Document())["paths"]![path]!["get"]!;

        operation["operationId"]!.GetValue<string>().Should().Be(name);
        operation["summary"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        operation["description"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        operation["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).Should().Contain(type);
    }

    [Fact]
    public async Task TheXmlExamplesAreDocumentsAParserReads()
    {
        var paths = (await Document())["paths"]!;

        var atom = Example(paths, "/feeds/atom", "application/atom+xml");
        var rss = Example(paths, "/feeds/rss", "application/rss+xml");

        FeedReading.ReadAtom(atom).Items.Single().Title.Text.Should().StartWith("Russian Security Service");
        FeedReading.ReadRss(rss).Items.Single().Id.Should().StartWith("tag:");
        System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(Example(paths, "/opensearch.xml", "application/opensearchdescription+xml")))
            .Root!.Name.LocalName.Should().Be("OpenSearchDescription");
    }

    [Fact]
    public async Task TheJsonFeedSchemaHasExamples()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        foreach (var name in new[] { "JsonFeed", "JsonFeedItem", "FacetValue" })
        {
            foreach (var (property, definition) in schemas[name]!["properties"]!.AsObject())
            {
                var isReference = definition!["$ref"] is not null || definition["items"]?["$ref"] is not null;
                (isReference || definition["example"] is not null).Should().BeTrue($"{name}.{property} needs an example");
            }
        }
    }

    private async Task<JsonNode> Document() => JsonNode.Parse(await Reader.GetStringAsync("/swagger/v1/swagger.json"))!;

    private static byte[] Example(JsonNode paths, string path, string type) =>
        Encoding.UTF8.GetBytes(paths[path]!["get"]!["responses"]!["200"]!["content"]![type]!["example"]!.GetValue<string>());
}
