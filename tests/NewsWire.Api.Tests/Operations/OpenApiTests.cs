using System.Text.Json.Nodes;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

public sealed class OpenApiTests : IAsyncLifetime
{
    private readonly NewsWireApp _app = new();
    private JsonNode _document = null!;

    public async Task InitializeAsync() =>
        _document = JsonNode.Parse(await _app.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryOperationHasANameASummaryAndADescription()
    {
        var operations = Operations().ToList();

        operations.Select(o => o.Key).Should().Contain([
            "GET /api/articles", "GET /api/articles/{id}", "POST /api/articles", "PUT /api/articles/{id}",
            "DELETE /api/articles/{id}", "GET /health"]);
        foreach (var (key, operation) in operations)
        {
            (operation["operationId"]?.GetValue<string>()).Should().NotBeNullOrEmpty(key);
            (operation["summary"]?.GetValue<string>()).Should().NotBeNullOrEmpty(key);
            (operation["description"]?.GetValue<string>()).Should().NotBeNullOrEmpty(key);
        }
    }

    [Fact]
    public void EveryQueryParameterIsDescribed()
    {
        foreach (var (key, operation) in Operations())
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                (parameter!["description"]?.GetValue<string>()).Should().NotBeNullOrEmpty($"{key} {parameter["name"]}");
            }
        }
    }

    [Fact]
    public void EverySchemaPropertyHasAnExampleOrIsAnObject()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject();
        foreach (var name in new[] { "ArticleSummary", "ArticleDetail", "ArticleInput", "ArticlePage" })
        {
            schemas.Should().ContainKey(name);
        }

        foreach (var (name, schema) in schemas.Where(s => s.Key.StartsWith("Article", StringComparison.Ordinal)))
        {
            foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
            {
                var isReference = definition!["$ref"] is not null || definition["items"]?["$ref"] is not null;
                (isReference || definition["example"] is not null).Should().BeTrue($"{name}.{property} needs an example");
            }
        }
    }

    [Fact]
    public void WritesDeclareTheApiKeyAndTheTwoBodyTypes()
    {
        var post = _document["paths"]!["/api/articles"]!["post"]!;

        post["security"]!.AsArray().Should().NotBeEmpty();
        post["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().Contain(["application/json", "text/plain"]);
        post["requestBody"]!["content"]!["text/plain"]!["example"]!.GetValue<string>().Should().Contain("/TASS/.");
    }

    [Fact]
    public void ReadsAreDeclaredPublicAndWritesNeedTheKey()
    {
        foreach (var (key, operation) in Operations())
        {
            var security = operation["security"]!.AsArray();
            // A subscription holds a receiver's address and what it was sent: reading one needs the key too.
            if (key.StartsWith("GET ", StringComparison.Ordinal) && !key.Contains("/api/subscriptions", StringComparison.Ordinal))
            {
                security.Should().BeEmpty($"{key} is public");
            }
            else
            {
                security.Should().ContainSingle($"{key} needs X-Api-Key");
                operation["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["401", "403"], key);
            }
        }
    }

    [Fact]
    public void EveryOperationDocumentsTheRateLimit()
    {
        foreach (var (key, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            var tooMany = responses["429"];
            tooMany.Should().NotBeNull(key);
            tooMany!["content"]!["application/problem+json"].Should().NotBeNull(key);
            tooMany["headers"]!.AsObject().Select(h => h.Key).Should().Contain(["Retry-After", "RateLimit", "RateLimit-Policy"], key);
            foreach (var (status, response) in responses)
            {
                response!["headers"]!.AsObject().Select(h => h.Key).Should().Contain(["RateLimit", "RateLimit-Policy"], $"{key} {status}");
            }
        }
    }

    [Fact]
    public void ProblemsThatHandlersReturnAreDocumented()
    {
        string[] Statuses(string path, string method) => _document["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key).ToArray();

        Statuses("/api/articles/{id}", "get").Should().Contain(["404", "406"]);
        Statuses("/api/articles/{id}", "put").Should().Contain(["404", "409", "413", "415"]);
        Statuses("/api/articles/{id}", "delete").Should().Contain("404");
        Statuses("/api/articles/import", "post").Should().Contain(["413", "415"]);
    }

    [Fact]
    public void TheDocumentNamesItsServerLicenceAndTags()
    {
        _document["servers"]!.AsArray().Should().ContainSingle().Which!["url"]!.GetValue<string>().Should().Be("/");
        _document["info"]!["license"]!["name"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        _document["info"]!["contact"].Should().NotBeNull();
        foreach (var tag in _document["tags"]!.AsArray())
        {
            (tag!["description"]?.GetValue<string>()).Should().NotBeNullOrEmpty(tag["name"]!.GetValue<string>());
        }
    }

    private IEnumerable<KeyValuePair<string, JsonNode>> Operations() =>
        from path in _document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select KeyValuePair.Create($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);
}
