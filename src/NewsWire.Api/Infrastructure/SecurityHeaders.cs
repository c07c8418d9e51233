using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Headers that stop a browser from reading an answer as something else. Every answer says
/// <c>X-Content-Type-Options: nosniff</c>, so an article's plain text that begins with <c>&lt;script&gt;</c>
/// stays text. Every HTML answer, whoever renders it (Swagger UI, a page from wwwroot), also gets a content
/// security policy that allows scripts and styles from this origin only, no framing and no referrer,
/// unless the answer set a policy of its own.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Swagger UI (Swashbuckle 10.1) needs nothing inline: its page loads its scripts and styles from files,
    /// and only its stylesheet's icons are data: images. A page of our own keeps to the same rules.
    /// </summary>
    public const string HtmlPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>First in the pipeline, so error answers and answers from the output cache get them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(AddHeaders, context.Response);
        return next(context);
    });

    private static Task AddHeaders(object state)
    {
        var response = (HttpResponse)state;
        response.Headers.XContentTypeOptions = "nosniff";
        if (MediaTypeHeaderValue.TryParse(response.ContentType, out var type)
            && type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A page that brings a stricter policy of its own (the reader page's Trusted Types) keeps it.
            if (string.IsNullOrEmpty(response.Headers.ContentSecurityPolicy))
            {
                response.Headers.ContentSecurityPolicy = HtmlPolicy;
            }

            // For browsers older than frame-ancestors.
            response.Headers.XFrameOptions = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
        }

        return Task.CompletedTask;
    }
}
