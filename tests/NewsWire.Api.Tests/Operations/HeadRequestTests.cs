using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>HEAD is GET without the body (RFC 9110 §9.3.2) everywhere GET is served, as CORS preflight promises.</summary>
public sealed class HeadRequestTests : ServiceTest
{
    public static TheoryData<string> GetRoutes { get; } = new()
    {
        "/",
        "/swagger",
        "/api/articles",
        "/api/articles?limit=1",
        "/api/articles/1",
        "/api/articles/1?format=text",
        "/api/articles/1/quotes",
        "/api/articles/no-such-slug",
        "/api/articles/import",
        "/api/articles?limt=5",
        "/api/search?q=refugees",
        "/health",
        "/swagger/v1/swagger.json",
        "/swagger/index.html",
        "/swagger/swagger-ui.css",
    };

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task HeadAnswersWithTheStatusAndHeadersOfGetAndNoBody(string route)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var get = await client.GetAsync(route);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));

        head.StatusCode.Should().Be(get.StatusCode, route);
        head.Content.Headers.ContentType.Should().Be(get.Content.Headers.ContentType, route);
        head.Headers.ETag.Should().Be(get.Headers.ETag, route);
        head.Headers.Location.Should().Be(get.Headers.Location, route);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty(route);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HeadOfAnArticleAnswers304ToItsETagCachedOrNot(bool warm)
    {
        var get = await Reader.GetAsync("/api/articles/1");
        if (!warm)
        {
            await Writer.CreateAsync(Stories.Input("Unrelated story")); // any write retires the cache
        }

        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/articles/1");
        request.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        var head = await Reader.SendAsync(request);

        head.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task ACrossOriginHeadIsAllowedAsItsPreflightSays()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/articles/1");
        preflight.Headers.Add("Origin", "https://reader.example");
        preflight.Headers.Add("Access-Control-Request-Method", "HEAD");
        var allowed = await Reader.SendAsync(preflight);
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/articles/1");
        request.Headers.Add("Origin", "https://reader.example");
        var head = await Reader.SendAsync(request);

        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("HEAD");
        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }
}
