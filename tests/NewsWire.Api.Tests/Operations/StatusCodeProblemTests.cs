using System.Net;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>The answers the framework gives by itself are problems that say what went wrong, like NewsWire's own.</summary>
public sealed class StatusCodeProblemTests : ServiceTest
{
    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api/articles/1/nothing")]
    public async Task NoRouteIsA404ProblemWithADetail(string path)
    {
        var response = await Reader.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Detail.Should().Be($"No route answers {path}; the routes are described at /swagger.");
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotTakeIsA405NamingTheOnesItDoesHeadIncluded()
    {
        var response = await Writer.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/articles/1"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "PUT", "DELETE");
        (await response.ReadProblemAsync()).Detail.Should().StartWith("/api/articles/1 does not take PATCH; it takes").And.Contain("HEAD");
    }

    [Theory]
    [InlineData("/api/articles", "text/json")]
    [InlineData("/api/subscriptions", "application/x-www-form-urlencoded")]
    public async Task ABodyTypeTheRouteDoesNotReadIsA415ProblemNamingIt(string path, string contentType)
    {
        var response = await Writer.PostAsync(path, new StringContent("{}", Encoding.UTF8, contentType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Detail.Should().StartWith($"The Content-Type {contentType}").And.Contain("/swagger");
    }
}
