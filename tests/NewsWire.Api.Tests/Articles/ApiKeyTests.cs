using System.Net;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class ApiKeyTests : ServiceTest
{
    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/articles" },
        { "PUT", "/api/articles/1" },
        { "DELETE", "/api/articles/1" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WritesWithoutAKeyAre401(string method, string url)
    {
        var response = await Reader.SendAsync(Request(method, url));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Detail.Should().Contain("X-Api-Key");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WritesWithAWrongKeyAre403(string method, string url)
    {
        var request = Request(method, url);
        request.Headers.Add("X-Api-Key", NewsWireApp.ApiKey + "x");

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task TheTassReportSurvivesARefusedDelete()
    {
        await Reader.DeleteAsync("/api/articles/1");

        (await Reader.GetAsync("/api/articles/1")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithNoKeyConfiguredEveryWriteIs401AndSaysHowToSetOne()
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { ["NewsWire:ApiKeys:0"] = null });
        var request = Request("POST", "/api/articles");
        request.Headers.Add("X-Api-Key", "anything");

        var response = await app.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Detail.Should().Contain("NewsWire__ApiKeys__0");
    }

    [Fact]
    public async Task ASecondConfiguredKeyWorksToo()
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { ["NewsWire:ApiKeys:1"] = "second-key" });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "second-key");

        var response = await client.PostArticleAsync(Stories.Input("Second key story"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private static HttpRequestMessage Request(string method, string url) =>
        new(new HttpMethod(method), url) { Content = JsonContent.Create(Stories.Input("Unauthorized story"), options: HttpExtensions.Json) };
}
