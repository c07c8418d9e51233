namespace NewsWire.Api.Caching;

/// <summary>
/// Says on every answer what a browser, proxy or CDN may keep (ADR 15). Reads may be stored by any cache but
/// must be revalidated before each use (<c>public, no-cache</c>): the service promises that a read reflects
/// every acknowledged write, which a copy kept for a fixed time would break; revalidation is cheap, an ETag
/// answered 304 or an answer from the service's own cache. Errors, writes and anything else: <c>no-store</c>.
/// An endpoint that sets its own <c>Cache-Control</c> keeps it.
/// </summary>
public static class CacheControl
{
    public const string Reads = "public, no-cache";
    public const string Nothing = "no-store";

    public static IApplicationBuilder UseCacheControl(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // At the start of the response, when the status is known; an answer replayed from the output cache
        // gets it the same way, since the cache stores the headers as they were before the response started.
        context.Response.OnStarting(SetDefault, context);
        return next(context);
    });

    private static Task SetDefault(object state)
    {
        var context = (HttpContext)state;
        var response = context.Response;
        if (response.Headers.CacheControl.Count == 0)
        {
            var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            response.Headers.CacheControl = isRead && response.StatusCode < 400 ? Reads : Nothing;
        }

        return Task.CompletedTask;
    }
}
