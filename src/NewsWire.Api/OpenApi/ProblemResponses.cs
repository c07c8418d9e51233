using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsWire.Api.OpenApi;

/// <summary>
/// Every operation may answer 429 (rate limits, ADR 14); endpoints declare their own problems with
/// <c>ProducesProblem</c>. Each problem response gets the ProblemDetails schema and a line saying when it happens.
/// </summary>
internal sealed class ProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context) =>
        Add(operation, context, StatusCodes.Status429TooManyRequests,
            "This client's budget under the operation's rate-limit policy is spent; `Retry-After` says when to try again.");

    public static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared) && declared is OpenApiResponse response)
        {
            response.Description = description;
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}
