using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsWire.Api.Data;

namespace NewsWire.Api.Caching;

/// <summary>
/// Answers that change only when the store does (an article, a listing page, a feed, the catalogue) are
/// served from memory until the database changes: the cache key holds <see cref="IDatabaseVersion"/>, so a
/// write by anyone, in this process or another, retires every entry at once and no reader ever sees an
/// answer older than the last commit (ADR 9, ADR 15). Put it on an endpoint with
/// <see cref="CacheUntilStoreChanges{TBuilder}"/>; searches do not use it (their cost is the ranking, and a
/// fixed benchmark mix of searches would then measure the cache).
/// </summary>
public static class StoreCache
{
    public const string PolicyName = "until-store-changes";

    /// <summary>Serve this endpoint's 200 answers from the output cache until anything commits to the database.</summary>
    public static TBuilder CacheUntilStoreChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(PolicyName);

    public static IServiceCollection AddStoreCache(this IServiceCollection services)
    {
        CacheOptions.AddCacheOptions(services);
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CacheOptions>>((options, cache) =>
        {
            var megabytes = cache.Value.Megabytes;
            options.SizeLimit = Math.Max(megabytes, 1) * 1024L * 1024L;
            // The framework's default folds the case of paths into one entry; the handler decides which
            // spellings of a slug are the same article, so the cache must not decide it first (ADR 4).
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PolicyName, policy =>
            {
                if (megabytes <= 0)
                {
                    policy.NoCache();
                    return;
                }

                policy
                    .Expire(TimeSpan.FromMinutes(10))
                    // The answer depends on Accept (JSON or text) and, through CORS, on Origin; the query string
                    // (format=, filters, cursor) is part of every key already.
                    .SetVaryByHeader(["Accept", "Origin"])
                    .VaryByValue(async (context, cancellationToken) =>
                        new KeyValuePair<string, string>("store", await StoreAndEncodingAsync(context, cancellationToken)));
            });
        });
        return services;
    }

    /// <summary>
    /// The database version and the content coding the response will get. Compression runs inside the cache,
    /// so an entry holds the compressed bytes: keyed by the coding chosen (not the raw Accept-Encoding, which
    /// clients spell in many ways), each of identity, gzip and br is stored once and compressed once.
    /// </summary>
    private static async ValueTask<string> StoreAndEncodingAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var version = await context.RequestServices.GetRequiredService<IDatabaseVersion>().CurrentAsync(cancellationToken);
        var encoding = Compression.NegotiatedEncoding(context);
        return version.ToString(CultureInfo.InvariantCulture) + "/" + encoding;
    }
}
