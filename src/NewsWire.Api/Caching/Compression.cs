using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Caching;

/// <summary>
/// Brotli and gzip for JSON, text, feeds and the Swagger UI, negotiated by <c>Accept-Encoding</c> (ADR 15).
/// Problem details are not compressed (they are a few hundred bytes), nor is any answer whose length is
/// known and under <see cref="MinimumBytes"/>, where the coding's frame would eat the gain.
/// </summary>
public static class Compression
{
    /// <summary>About one TCP segment: below it compression saves no round trip and costs CPU on both ends.</summary>
    public const int MinimumBytes = 1024;

    private static readonly string[] CompressedTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "application/atom+xml", "application/rss+xml", "application/feed+json", "application/opensearchdescription+xml",
        "application/x-ndjson", "image/svg+xml",
    ];

    public static IServiceCollection AddNewsWireCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret in a body that also reflects attacker input; NewsWire's answers carry no
            // secret (the API key is only ever sent, never echoed), so HTTPS answers are compressed too.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        // Replaces the framework's decisions (registered with TryAdd) with the ones below, which use them.
        services.AddSingleton<IResponseCompressionProvider, CompressionDecisions>();
        return services;
    }

    /// <summary>"br", "gzip" or "identity": what the compression middleware will choose for this request.</summary>
    public static string NegotiatedEncoding(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>() is CompressionDecisions decisions
            ? decisions.Negotiate(context)
            : "identity";

    /// <summary>The framework's negotiation, with three changes: <c>Vary: Accept-Encoding</c> on every
    /// compressible answer, no compression of short bodies, and a weak ETag on a compressed one.</summary>
    private sealed class CompressionDecisions(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _framework = new(services, options);

        /// <summary>
        /// Always true, so that the compressing body is in place and adds <c>Vary: Accept-Encoding</c> even
        /// when this client asked for no coding: the representation was still chosen by that header, and a
        /// shared cache that is not told so keeps one copy for every client (RFC 9110, section 12.5.5).
        /// </summary>
        public bool CheckRequestAcceptsCompression(HttpContext context) => true;

        public bool ShouldCompressResponse(HttpContext context) =>
            context.Response.ContentLength is not < MinimumBytes && _framework.ShouldCompressResponse(context);

        public ICompressionProvider? GetCompressionProvider(HttpContext context)
        {
            var provider = _framework.GetCompressionProvider(context);
            if (provider is not null)
            {
                WeakenETag(context.Response);
            }

            return provider;
        }

        public string Negotiate(HttpContext context) =>
            context.Request.Headers.AcceptEncoding.Count == 0 ? "identity" : _framework.GetCompressionProvider(context)?.EncodingName ?? "identity";

        /// <summary>A strong ETag promises the same bytes; the gzip and br forms are other bytes of the same
        /// content, so they carry it weak (as nginx does). If-None-Match compares weakly, so 304s still work.</summary>
        private static void WeakenETag(HttpResponse response)
        {
            var etag = response.Headers.ETag.ToString();
            if (!response.HasStarted && etag.StartsWith('"'))
            {
                response.Headers.ETag = "W/" + etag;
            }
        }
    }
}
