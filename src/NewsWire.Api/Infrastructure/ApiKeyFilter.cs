namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Writes need a configured key in <c>X-Api-Key</c>: 401 without one, 403 with a wrong one.
/// Keys are compared by <see cref="ApiKeyRing"/>. The header is never logged.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (keys.IsEmpty)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Writes are disabled.",
                "No API key is configured, so every write is refused. Set one in NewsWire:ApiKeys " +
                "(environment variable NewsWire__ApiKeys__0) and send it in the X-Api-Key header.");
        }

        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "An API key is required.",
                $"Writes need the {HeaderName} header with a configured key.");
        }

        return keys.IndexOf(presented) >= 0
            ? await next(context)
            : Problems.Status(StatusCodes.Status403Forbidden, "The API key is not valid.",
                $"The key in {HeaderName} is not one of the configured keys.");
    }
}
