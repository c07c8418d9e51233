using Microsoft.AspNetCore.Http.Features;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// HEAD is answered as GET without a body (RFC 9110 §9.3.2) on every GET route, Swagger UI and the OpenAPI
/// document included: routing, the output cache and the handlers see a GET, so the status and headers are
/// the GET's, and what the handler writes goes nowhere. No route has to list HEAD, and none can forget to.
/// </summary>
public static class HeadRequests
{
    private static readonly object Marker = new();

    /// <summary>Whether the client sent HEAD, though the handler sees GET: an endless answer (a stream) ends at once.</summary>
    public static bool IsHead(HttpContext context) => context.Items.ContainsKey(Marker);

    /// <summary>Must run before routing, which would otherwise match HEAD against GET-only routes (405).</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Items[Marker] = true;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            // Back to HEAD, so the request log and anything outside says what the client sent.
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    });
}
