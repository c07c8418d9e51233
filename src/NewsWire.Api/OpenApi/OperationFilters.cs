using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsWire.Api.OpenApi;

/// <summary>
/// Marks POST, PUT and DELETE (and reads marked <see cref="Webhooks.ApiKeyRequired"/>) as needing the API key, so
/// Swagger UI sends it once authorized, and says of every other operation that it is public (an empty <c>security</c>), with the 401 and 403 a key check gives.
/// </summary>
internal sealed class WriteOperationsNeedKey : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Security ??= [];
        if (context.ApiDescription.HttpMethod is not ("POST" or "PUT" or "DELETE")
            && !context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Webhooks.ApiKeyRequired>().Any())
        {
            return;
        }

        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference("ApiKey", context.Document)] = [],
        });
        ProblemResponses.Add(operation, context, StatusCodes.Status401Unauthorized, "No `X-Api-Key`, or no key configured on the service.");
        ProblemResponses.Add(operation, context, StatusCodes.Status403Forbidden, "The `X-Api-Key` is not a configured key.");
    }
}

/// <summary>Gives the text/plain and NDJSON request bodies real examples, so "Try it out" works as is.</summary>
internal sealed class WireCopyExample : IOperationFilter
{
    public const string Example = """
        All news

        Kazakhstan raises grain export forecast

        Good weather in the north lifted the harvest

        ASTANA, November 29. /TASS/. Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Monday.

        "The harvest in the northern regions exceeded our expectations," the ministry said.

        Markets

        Wheat prices at the Aktau port fell by 3% over the week.
        """;

    public const string NdjsonExample = """
        {"headline":"Oil prices rise","body":"Brent crude rose 2% on Monday.\n\nTraders cited supply cuts.","source":"Reuters","publishedAt":"2026-11-29"}
        {"headline":"Grain exports to rise","body":"Kazakhstan expects to export 9 million tonnes of grain.","source":"TASS","tags":["grain"]}
        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        if (content.TryGetValue("text/plain", out var text))
        {
            text.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Raw wire copy, UTF-8." };
            text.Example = JsonValue.Create(Example);
        }

        if (content.TryGetValue("application/x-ndjson", out var ndjson))
        {
            ndjson.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One ArticleInput (JSON) per line." };
            ndjson.Example = JsonValue.Create(NdjsonExample);
        }
    }
}

/// <summary>
/// One status can name only one type, so a 200 that is JSON or text (GET /api/articles/{id}) is declared with
/// the JSON type and its text/plain form is set to a string here.
/// </summary>
internal sealed class PlainTextResponsesAreStrings : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content?.TryGetValue("text/plain", out var text) == true)
            {
                text.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The full text as the wire sent it." };
            }
        }
    }
}

/// <summary>
/// Describes the parameters that no query record carries a comment for: the route's <c>{id}</c>, the article's
/// <c>format</c>, the stream's <c>Last-Event-ID</c> and the writes' <c>If-Match</c> and <c>If-None-Match</c>, whose
/// HTTP names the camel-casing of parameter names bent.
/// </summary>
internal sealed class RouteAndHeaderParameters : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var route = context.ApiDescription.RelativePath ?? "";
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Header
                && context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)) is { } http)
            {
                parameter.Name = http.Name;
            }

            parameter.Description ??= (parameter.Name, parameter.In) switch
            {
                ("id", ParameterLocation.Path) when route.StartsWith("api/subscriptions", StringComparison.Ordinal) => "The subscription's id.",
                ("id", ParameterLocation.Path) => "The article's numeric id or its slug.",
                ("format", ParameterLocation.Query) => "`json` (the default) or `text` (also `txt`): the full text as plain text, as `Accept: text/plain` asks. Wins over `Accept`.",
                (Push.SearchStreamApi.LastEventIdHeader, ParameterLocation.Header) => "The `id` of the last event received: the stream first sends what was stored since (see above).",
                (Articles.WritePreconditions.IfMatchHeader, ParameterLocation.Header) =>
                    "Write only if the article is still this version: `*` or one or more `ETag`s from GET (either representation's; strong comparison, so a `W/` tag never matches). Otherwise 412.",
                (Articles.WritePreconditions.IfNoneMatchHeader, ParameterLocation.Header) =>
                    "`*`: 412 when the article exists (a PUT never creates one, so this is 412 or 404). A list of `ETag`s: 412 if one names the current version (weak comparison).",
                _ => null,
            };
        }
    }
}
