namespace NewsWire.Api.Infrastructure;

/// <summary>
/// A request the client gave up on (a closed tab, a cancelled upload) ends in whatever the handler was
/// awaiting throwing: a cancellation, a reset connection, a body cut short. Nothing is wrong with the service
/// and nobody reads the answer, so it is not an error: it leaves as 499 (client closed request), which the
/// request log records at Information, without a stack trace.
/// </summary>
public static class AbandonedRequests
{
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseAbandonedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException { StatusCode: 400 })
        {
            if (!await ClientHasGoneAsync(context))
            {
                throw;
            }

            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    });

    /// <summary>
    /// Kestrel cancels RequestAborted from the thread pool, so a body cut short by a closed connection can
    /// surface a moment before the token says why; an exception that is not an abort waits that moment once.
    /// </summary>
    private static async Task<bool> ClientHasGoneAsync(HttpContext context)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), context.RequestAborted);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
