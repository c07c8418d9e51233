using System.Net;
using System.Net.Http.Headers;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class GetArticleTests : ServiceTest
{
    private const string TassSlug = "russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe";

    [Fact]
    public async Task TheTassReportComesBackStructuredByIdAndBySlug()
    {
        var byId = await Reader.GetFromJsonAsync<ArticleDetail>("/api/articles/1", HttpExtensions.Json);
        var bySlug = await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{TassSlug}", HttpExtensions.Json);

        bySlug.Should().BeEquivalentTo(byId);
        byId!.Slug.Should().Be(TassSlug);
        byId.Section.Should().Be("All news");
        byId.Dateline.Should().Be("TASHKENT, September 18. /TASS/.");
        byId.Lead.Should().Be("The officer said the flow of refugees will only grow as Islamic State is seizing new territories");
        byId.Body.Should().StartWith("The Islamic State (IS) terrorist organization takes advantage");
        byId.Body.Should().NotContain("TASHKENT").And.NotContain("EU refugee flow grows due to IS terror, not Assad");
        byId.Sections.Select(s => s.Heading).Should().Equal(null,
            "EU refugee flow grows due to IS terror, not Assad",
            "IS recruitment serious threat for SCO countries",
            "Islamic State terrorist organization");
        byId.Sections.SelectMany(s => s.Paragraphs).Should().Equal(byId.Body.Split("\n\n"));
        byId.Tags.Should().Contain("refugees");
        byId.DuplicateOf.Should().BeNull();
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("text/plain;q=0.9, application/json;q=0.5", null)]
    [InlineData(null, "text")]
    [InlineData("application/json", "text")]
    public async Task PlainTextIsTheFullTextWithHeadlineLeadDatelineAndSubHeadings(string? accept, string? format)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1" + (format is null ? "" : $"?format={format}"));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().StartWith("All news\n\nRussian Security Service: Refugee crisis used by Islamic State to send people to Europe\n\n");
        text.Should().Contain("\n\nTASHKENT, September 18. /TASS/. The Islamic State (IS) terrorist organization");
        text.Should().Contain("\n\nEU refugee flow grows due to IS terror, not Assad\n\n");
        text.Should().Contain("\n\nIslamic State terrorist organization\n\n");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task JsonIsTheDefault(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        request.Headers.Accept.ParseAdd(accept);

        var response = await Reader.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task AnAcceptHeaderNothingCanSatisfyIs406()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        request.Headers.Accept.ParseAdd("application/xml");

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
        (await response.ReadProblemAsync()).Status.Should().Be(406);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text")]
    public async Task AnUnchangedArticleAnswers304ToItsETag(string? format)
    {
        var url = "/api/articles/1" + (format is null ? "" : "?format=" + format);
        var first = await Reader.GetAsync(url);
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag!);
        var response = await Reader.SendAsync(again);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag.Should().Be(etag);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task JsonAndTextHaveDifferentETagsAndAChangeMakesANewOne()
    {
        var json = (await Reader.GetAsync("/api/articles/1")).Headers.ETag;
        var text = (await Reader.GetAsync("/api/articles/1?format=text")).Headers.ETag;
        json.Should().NotBe(text);

        var update = await Writer.PutAsJsonAsync("/api/articles/1", Stories.Input("Replaced headline"), HttpExtensions.Json);
        update.StatusCode.Should().Be(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/articles/1");
        stale.Headers.IfNoneMatch.Add(json!);
        var response = await Reader.SendAsync(stale);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBe(json);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("no-such-slug")]
    [InlineData("99999999999999999999999")]
    [InlineData("%F0%9F%92%A5")]
    public async Task AMissingArticleIs404Problem(string id)
    {
        var response = await Reader.GetAsync($"/api/articles/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Detail.Should().Contain("no article");
    }

    [Theory]
    [InlineData("?format=xml", "format")]
    [InlineData("?fromat=text", "fromat")]
    public async Task BadParametersOnOneArticleAre400(string query, string parameter)
    {
        var response = await Reader.GetAsync("/api/articles/1" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Fact]
    public async Task ReadsAreOpenToOtherOrigins()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.Add("Origin", "https://frontend.example");

        var response = await Reader.SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }
}
