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
            operation["operationId"]?.GetValue<string>().Should().NotBeNullOrEmpty(key);
            operation["summary"]?.GetValue<string>().Should().NotBeNullOrEmpty(key);
            operation["description"]?.GetValue<string>().Should().NotBeNullOrEmpty(key);
        }
    }

    [Fact]
    public void EveryQueryParameterIsDescribed()
    {
        foreach (var (key, operation) in Operations())
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                parameter!["description"]?.GetValue<string>().Should().NotBeNullOrEmpty($"{key} {parameter["name"]}");
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

    private IEnumerable<KeyValuePair<string, JsonNode>> Operations() =>
        from path in _document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select KeyValuePair.Create($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);
}
