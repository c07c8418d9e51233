using System.Net;
using System.Net.Http.Json;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>If-Match and If-None-Match on PUT and DELETE of an article (RFC 9110, section 13; ADR 33).</summary>
public sealed class ConditionalWritesTests : ServiceTest
{
    [Theory]
    [InlineData("")]
    [InlineData("?format=text")]
    public async Task APutWithTheCurrentTagOfEitherRepresentationReplacesAndAnswersTheNewTag(string format)
    {
        var article = await Writer.CreateAsync(Stories.Input("Tagged story"));
        var etag = await ETagAsync(article.Id, format);

        var response = await PutAsync(article.Id, Stories.Input("Tagged story, corrected"), ("If-Match", etag));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag!.ToString().Should().Be(await ETagAsync(article.Id, ""), "the answer is the JSON GET now serves")
            .And.NotBe(etag);
        (await PutAsync(article.Id, Stories.Input("Tagged story, again"), ("If-Match", etag))).StatusCode
            .Should().Be(HttpStatusCode.PreconditionFailed, "the tag named the version before the correction");
    }

    [Fact]
    public async Task AnIfMatchThatNamesNoCurrentVersionIs412AndChangesNothing()
    {
        var article = await Writer.CreateAsync(Stories.Input("Guarded story"));
        var current = await ETagAsync(article.Id, "");

        var put = await PutAsync(article.Id, Stories.Input("Overwritten"), ("If-Match", "\"garbage\""));
        var delete = await SendAsync(HttpMethod.Delete, article.Id, null, ("If-Match", "\"garbage\""));

        put.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await put.ReadProblemAsync()).Detail.Should().Contain(current);
        put.Headers.Contains("NewsWire-Change").Should().BeFalse("nothing was written");
        delete.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await delete.ReadProblemAsync()).Status.Should().Be(412);
        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{article.Id}", HttpExtensions.Json))!.Headline.Should().Be("Guarded story");
        (await ETagAsync(article.Id, "")).Should().Be(current);
    }

    [Fact]
    public async Task AWeakTagNeverMatchesIfMatchButStillMatchesIfNoneMatch()
    {
        var article = await Writer.CreateAsync(Stories.Input("Weakly tagged story"));
        var weak = "W/" + await ETagAsync(article.Id, "");

        var strict = await PutAsync(article.Id, Stories.Input("Weakly tagged, corrected"), ("If-Match", weak));
        var noneMatch = await PutAsync(article.Id, Stories.Input("Weakly tagged, corrected"), ("If-None-Match", weak));

        strict.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-Match uses the strong comparison");
        (await strict.ReadProblemAsync()).Detail.Should().Contain("weak");
        noneMatch.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-None-Match uses the weak comparison");
    }

    [Fact]
    public async Task AListMatchesWhenAnyOfItsTagsIsCurrentAndDeleteHonoursIt()
    {
        var article = await Writer.CreateAsync(Stories.Input("Listed story"));
        var text = await ETagAsync(article.Id, "?format=text");

        var response = await SendAsync(HttpMethod.Delete, article.Id, null, ("If-Match", $"\"stale\", {text}"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Reader.GetAsync($"/api/articles/{article.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IfMatchStarNeedsAnArticleAndAMissingOneWithIfMatchIs412()
    {
        var article = await Writer.CreateAsync(Stories.Input("Starred story"));

        (await PutAsync(article.Id, Stories.Input("Starred, corrected"), ("If-Match", "*"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var missingPut = await SendAsync(HttpMethod.Put, 4242, Stories.Input("Nowhere"), ("If-Match", "*"));
        var missingDelete = await SendAsync(HttpMethod.Delete, 4242, null, ("If-Match", "\"4242-1-json\""));

        missingPut.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await missingPut.ReadProblemAsync()).Detail.Should().Contain("4242");
        missingDelete.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await SendAsync(HttpMethod.Delete, 4242, null)).StatusCode.Should().Be(HttpStatusCode.NotFound, "without If-Match a missing article is 404");
    }

    [Fact]
    public async Task IfNoneMatchStarRefusesToReplaceAnArticleThatExists()
    {
        var article = await Writer.CreateAsync(Stories.Input("Existing story"));

        var response = await PutAsync(article.Id, Stories.Input("Must not replace"), ("If-None-Match", "*"));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.ReadProblemAsync()).Detail.Should().Contain("exists");
        (await SendAsync(HttpMethod.Put, 4242, Stories.Input("Nowhere"), ("If-None-Match", "*"))).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "a PUT never creates, so the condition holds and the article is missing");
    }

    [Theory]
    [InlineData("If-Match", "garbage")]
    [InlineData("If-Match", "\"ok\", unquoted")]
    [InlineData("If-None-Match", "W/")]
    public async Task AConditionThatIsNotEntityTagsIs400NamingTheHeader(string header, string value)
    {
        var article = await Writer.CreateAsync(Stories.Input("Malformed condition"));

        var put = await PutAsync(article.Id, Stories.Input("Not written"), (header, value));
        var delete = await SendAsync(HttpMethod.Delete, article.Id, null, (header, value));

        put.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await put.ReadProblemAsync()).Errors.Should().ContainKey(header);
        delete.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Reader.GetAsync($"/api/articles/{article.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OfConcurrentPutsWithTheSameIfMatchOnlyOneSucceeds()
    {
        var article = await Writer.CreateAsync(Stories.Input("Raced story"));
        var etag = await ETagAsync(article.Id, "");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            PutAsync(article.Id, Stories.Input($"Raced story, version {i}"), ("If-Match", etag)))));

        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.OK)
            .And.Subject.Where(s => s != HttpStatusCode.OK).Should().AllBeEquivalentTo(HttpStatusCode.PreconditionFailed);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsAsync<ArticleDetail>();
        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{article.Id}", HttpExtensions.Json))!.Headline.Should().Be(winner.Headline);
    }

    private async Task<string> ETagAsync(long id, string format)
    {
        var response = await Reader.GetAsync($"/api/articles/{id}{format}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private Task<HttpResponseMessage> PutAsync(long id, object input, (string Name, string Value) header) =>
        SendAsync(HttpMethod.Put, id, input, header);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, long id, object? input, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, $"/api/articles/{id}");
        if (input is not null)
        {
            request.Content = JsonContent.Create(input, options: HttpExtensions.Json);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Writer.SendAsync(request);
    }
}
