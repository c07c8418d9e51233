using System.Net;
using System.Text.Json.Nodes;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>
/// The query parameters an endpoint accepts, the ones its 400 names as known and the ones its OpenAPI
/// operation lists are one set; and a request full of bad names gets a short answer.
/// </summary>
public sealed class QueryParameterContractTests : ServiceTest
{
    private const string Unknown = "no-such-parameter";

    [Fact]
    public async Task EveryOperationAcceptsExactlyTheQueryParametersItsOpenApiOperationLists()
    {
        var document = JsonNode.Parse(await Reader.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = (from path in document["paths"]!.AsObject()
                          from operation in path.Value!.AsObject()
                          select (Method: operation.Key.ToUpperInvariant(), Path: path.Key, Operation: operation.Value!)).ToList();
        operations.Should().Contain(o => o.Method == "POST" && o.Path == "/api/articles");

        foreach (var (method, path, operation) in operations)
        {
            var listed = (operation["parameters"]?.AsArray() ?? [])
                .Where(p => p!["in"]!.GetValue<string>() == "query")
                .Select(p => p!["name"]!.GetValue<string>())
                .Order(StringComparer.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", "1", StringComparison.Ordinal) + $"?{Unknown}=1");
            var response = await Writer.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{method} {path}");
            var message = (await response.ReadProblemAsync()).Errors![Unknown].Single();
            var known = message.Contains("Known: ", StringComparison.Ordinal)
                ? message[(message.IndexOf("Known: ", StringComparison.Ordinal) + 7)..].TrimEnd('.').Split(", ")
                : [];
            // Named exactly as the document names them, as clients write them.
            known.Order(StringComparer.Ordinal).Should().Equal(listed, $"{method} {path} says: {message}");
        }
    }

    [Fact]
    public async Task IsEmptyIsNotAQueryParameterOfAPost()
    {
        var response = await Writer.PostWireCopyAsync(Stories.KazakhGrain, "?IsEmpty=true");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors.Should().ContainKey("IsEmpty");
        problem.Errors!["IsEmpty"].Single().Should().NotContain("IsEmpty, ").And.NotContain(", IsEmpty");
    }

    [Fact]
    public async Task AThousandUnknownParametersGetAShortAnswerThatNamesAFewAndCountsTheRest()
    {
        var query = string.Join('&', Enumerable.Range(0, 1000).Select(n => $"unknown{n}=1"));

        var response = await Reader.GetAsync("/api/articles?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.Should().BeLessThan(4096);
        var problem = await response.ReadProblemAsync();
        problem.Errors.Should().HaveCount(10).And.ContainKey("unknown0");
        problem.Detail.Should().Contain("1,000");
    }

    [Fact]
    public async Task AHugeParameterNameIsShortenedInTheAnswer()
    {
        var response = await Reader.GetAsync("/api/articles?" + new string('x', 5000) + "=1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Length.Should().BeLessThan(2048);
    }
}
