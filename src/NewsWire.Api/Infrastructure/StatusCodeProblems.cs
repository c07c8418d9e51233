using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// The details of the problems the framework answers by itself (status-code pages): no route, a method the route
/// does not take, a body type it does not read. NewsWire's own problems already say what went wrong; these said
/// only "Not Found".
/// </summary>
internal static class StatusCodeProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        var (request, response) = (context.HttpContext.Request, context.HttpContext.Response);
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed && response.Headers.Allow.ToString() is { Length: > 0 } allow)
        {
            // HEAD is answered wherever GET is (HeadRequests), so the list of methods says so.
            var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
            {
                methods.Add(HttpMethods.Head);
                response.Headers.Allow = string.Join(", ", methods);
            }
        }

        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        context.ProblemDetails.Detail = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"No route answers {request.Path}; the routes are described at /swagger.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not take {request.Method}; it takes {response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType => Unsupported(context.HttpContext),
            _ => null,
        };
    }

    // The framework answers through an endpoint of its own here, so the route's accepted types are not at hand.
    private static string Unsupported(HttpContext http) =>
        (http.Request.Headers[HeaderNames.ContentType].ToString() is { Length: > 0 } type ? $"The Content-Type {type}" : "A body without a Content-Type")
        + " is not one this route reads; its operation at /swagger lists the types it takes.";
}
