using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.RateLimits;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsWire.Api.OpenApi;

/// <summary>One description per tag; a tag used by an operation but missing here fails the OpenAPI lint.</summary>
internal sealed class TagDescriptions : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Articles"] = "Wire articles: list with filters and keyset paging, read one as JSON or plain text, its quotations; write (with a key) one at a time or in bulk.",
        ["Search"] = "Full-text search with web-search syntax, BM25 ranking, highlighted snippets and facets.",
        ["Feeds"] = "The newest articles, or any search, as Atom, RSS or JSON Feed, and the OpenSearch description.",
        ["Catalogue"] = "The sources, tags and places in the archive, most used first.",
        ["Operations"] = "What load balancers and monitors ask.",
        ["Subscriptions"] = "Saved searches that push (with a key): every newly stored match is POSTed to a webhook, signed as Standard Webhooks says, retried for about a day.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        // Swashbuckle lists the tags the operations use; each gets its description.
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description = Descriptions.GetValueOrDefault(tag.Name ?? "");
        }
    }
}

/// <summary>The rate-limit headers, once in components and referenced by every response (ADR 14).</summary>
internal sealed class RateLimitHeaders : IDocumentFilter
{
    private static readonly (string Name, string Description, JsonSchemaType Type, JsonNode Example)[] Headers =
    [
        (RateLimitAnswers.PolicyHeader, "The policy this request was counted under (draft-ietf-httpapi-ratelimit-headers): its name, `q` requests per window of `w` seconds.",
            JsonSchemaType.String, JsonValue.Create("\"reads\";q=1200;w=60")),
        (RateLimitAnswers.StateHeader, "What is left of this client's budget under that policy: `r` requests in the next `t` seconds.",
            JsonSchemaType.String, JsonValue.Create("\"reads\";r=1187;t=42")),
        (RetryAfter, "Seconds until the window ends and requests are allowed again.", JsonSchemaType.Integer, JsonValue.Create(42)),
    ];

    private const string RetryAfter = "Retry-After";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description, type, example) in Headers)
        {
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type }, Example = example };
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                if (response is not OpenApiResponse concrete)
                {
                    continue;
                }

                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                foreach (var (name, _, _, _) in Headers.Where(h => h.Name != RetryAfter || status == "429"))
                {
                    concrete.Headers[name] = new OpenApiHeaderReference(name, document);
                }
            }
        }
    }
}

/// <summary><c>NewsWire-Change</c> on every answer of a write that succeeded: the change-log position it reached (ADR 20).</summary>
internal sealed class ChangeHeaders : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[ChangeHeader.Name] = new OpenApiHeader
        {
            Description = "The change-log position this write reached. Any instance's answers reflect the write once it has been " +
                "acknowledged; the number only grows.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            Example = JsonValue.Create(1042),
        };

        var writes = document.Paths.Values.SelectMany(p => p.Operations?.Where(o => o.Key != HttpMethod.Get && o.Key != HttpMethod.Head)
            .Select(o => o.Value) ?? []);
        foreach (var operation in writes)
        {
            foreach (var (_, response) in (operation.Responses ?? new OpenApiResponses()).Where(r => r.Key.StartsWith('2')))
            {
                if (response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers[ChangeHeader.Name] = new OpenApiHeaderReference(ChangeHeader.Name, document);
                }
            }
        }
    }
}
