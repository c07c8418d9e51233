using System.Net;
using System.Text;
using System.Text.Json;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>Every way tags come in refuses a list over the limit with a problem that names it (see also <see cref="DraftTagsTests"/>).</summary>
public sealed class TagLimitTests : ServiceTest
{
    private static readonly string Limit = $"at most {ArticleLimits.TagsPerArticle} tags";

    [Fact]
    public async Task PostingA100000TagBodyIs400NamingTheLimit()
    {
        var response = await Writer.PostAsync("/api/articles", new ByteArrayContent(Story("Many tags", 100_000)) { Headers = { { "Content-Type", "application/json" } } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["tags"].Should().Equal($"An article takes {Limit}; 100,000 were given.");
    }

    [Fact]
    public async Task AnNdjsonLineWith100000TagsFailsAloneAndTheOthersAreStored()
    {
        var ndjson = string.Join("\n", Line("Before", 2), Line("Many tags", 100_000), Line("After", ArticleLimits.TagsPerArticle));

        var report = await ImportAsync(ndjson, "application/x-ndjson");

        report.Created.Should().Be(2);
        report.Failed.Should().ContainSingle().Which.Should().Match<ImportFailure>(f => f.Line == 2
            && f.Errors["tags"].Single() == $"An article takes {Limit}; 100,000 were given.");
    }

    [Fact]
    public async Task AFeedEntryWithTooManyCategoriesFailsAlone()
    {
        var categories = string.Concat(Enumerable.Range(0, ArticleLimits.TagsPerArticle + 10).Select(i => $"<category>c{i}</category>"));
        var rss = $"""
            <rss version="2.0"><channel><title>Feed</title><link>https://example.com</link><description>d</description>
              <item><title>Categorized</title><description>A story with every category.</description><guid>1</guid>{categories}</item>
              <item><title>Plain</title><description>A story with one category.</description><guid>2</guid><category>one</category></item>
            </channel></rss>
            """;

        var report = await ImportAsync(rss, "application/rss+xml");

        report.Created.Should().Be(1);
        report.Failed.Should().ContainSingle().Which.Errors["tags"].Single().Should().Contain(Limit);
    }

    [Fact]
    public async Task WireCopyWithTooManyTagParametersIs400()
    {
        var query = "?" + string.Join('&', Enumerable.Range(0, ArticleLimits.TagsPerArticle + 1).Select(i => $"tags=t{i}"));

        var response = await Writer.PostWireCopyAsync(Stories.KazakhGrain, query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["tags"].Single().Should().Contain(Limit);
    }

    private async Task<ImportReport> ImportAsync(string body, string contentType)
    {
        var response = await Writer.PostAsync("/api/articles/import", new StringContent(body, Encoding.UTF8, contentType));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ImportReport>();
    }

    private static string Line(string headline, int tags) => Encoding.UTF8.GetString(Story(headline, tags));

    private static byte[] Story(string headline, int tags) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        headline,
        body = $"The story of {headline}, told in full.",
        tags = Enumerable.Range(0, tags).Select(i => $"tag{i}"),
    });
}
