using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Request bodies sent with <c>Content-Encoding: gzip</c>, <c>br</c> or <c>deflate</c> are decoded before a
/// handler reads them, and the endpoint's size limit applies to the decoded bytes, so a small bomb cannot
/// become a large body. Any other coding (or a list of several) is refused with 415 and the codings this
/// service reads (RFC 9110 §15.5.16), rather than read as if it were plain and reported as malformed.
/// </summary>
public static class RequestDecoding
{
    private static readonly string[] Supported = ["gzip", "br", "deflate"];
    private const string Identity = "identity";

    public static IServiceCollection AddRequestDecoding(this IServiceCollection services) => services.AddRequestDecompression();

    /// <summary>After routing: the decoded-size limit is the matched endpoint's.</summary>
    public static IApplicationBuilder UseRequestDecoding(this IApplicationBuilder app) => app
        .Use(async (context, next) =>
        {
            var coding = context.Request.Headers.ContentEncoding.ToString().Trim();
            var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0;
            if (coding.Equals(Identity, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Headers.Remove(HeaderNames.ContentEncoding);
            }
            else if (hasBody && coding.Length > 0 && !Supported.Contains(coding, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers.AcceptEncoding = string.Join(", ", Supported);
                await Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content coding.",
                        $"The body is sent with Content-Encoding '{Clip(coding)}'; this service reads {string.Join(", ", Supported)} or none.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        })
        .UseRequestDecompression();

    /// <summary>
    /// What a handler answers when the body does not decode as its Content-Encoding says; the decoder's own
    /// message is not passed on.
    /// </summary>
    /// <param name="afterwards">What a caller that stores as it reads has kept, for the detail.</param>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotDecodable(string? afterwards = null) =>
        Problems.Status(StatusCodes.Status400BadRequest, "The body cannot be decoded.",
            "The body is not valid data in the coding its Content-Encoding header names (gzip, br or deflate)." +
            (afterwards is null ? "" : " " + afterwards));

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
