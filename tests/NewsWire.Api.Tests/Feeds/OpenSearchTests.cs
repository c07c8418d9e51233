using System.Net;
using System.Xml.Linq;
using NewsWire.Api.Tests.Infrastructure;
using static NewsWire.Api.Tests.Feeds.FeedReading;

namespace NewsWire.Api.Tests.Feeds;

public sealed class OpenSearchTests : ServiceTest
{
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    [Fact]
    public async Task TheDescriptionHasWhatOpenSearch11Requires()
    {
        var response = await Reader.GetAsync("/opensearch.xml");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/opensearchdescription+xml");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        root.Name.Should().Be(OpenSearch + "OpenSearchDescription");
        root.Element(OpenSearch + "ShortName")!.Value.Length.Should().BeInRange(1, 16);
        root.Element(OpenSearch + "Description")!.Value.Length.Should().BeInRange(1, 1024);
        root.Elements(OpenSearch + "Url").Should().OnlyContain(u => u.Attribute("type") != null && u.Attribute("template") != null);
        Template(root, "application/json").Should().Be($"{Base}/api/search?q={{searchTerms}}");
        Template(root, "application/atom+xml").Should().Be($"{Base}/feeds/atom?q={{searchTerms}}");
        Template(root, "application/rss+xml").Should().Be($"{Base}/feeds/rss?q={{searchTerms}}");
        Template(root, "application/feed+json").Should().Be($"{Base}/feeds/json?q={{searchTerms}}");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/atom+xml")]
    [InlineData("application/rss+xml")]
    [InlineData("application/feed+json")]
    public async Task EveryTemplateFilledInAsAClientWouldAnswers(string type)
    {
        var root = XDocument.Parse(await Reader.GetStringAsync("/opensearch.xml")).Root!;
        var url = new Uri(Template(root, type).Replace("{searchTerms}", Uri.EscapeDataString("refugees -Damascus"), StringComparison.Ordinal));

        var response = await Reader.GetAsync(url.PathAndQuery);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(type);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Refugee crisis");
    }

    [Fact]
    public async Task TheDescriptionTakesNoParameters()
    {
        var response = await Reader.GetAsync("/opensearch.xml?q=x");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("q");
    }

    private static string Template(XElement root, string type) =>
        root.Elements(OpenSearch + "Url").Single(u => u.Attribute("type")!.Value == type && u.Attribute("rel") is null).Attribute("template")!.Value;
}
