using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// Single-article reads (JSON, plain text, quotes) are answered from memory until the database changes:
/// the cache key holds <see cref="IDatabaseVersion"/>, so a write by anyone retires every entry at once and
/// no reader ever sees an answer older than the last commit (ADR 9). Listing pages and searches are not
/// cached; listing totals are, by <see cref="ListingTotals"/> under the same version and the same switch.
/// </summary>
public static class ArticleCache
{
    public const string PolicyName = "article";

    /// <summary>Megabytes of cached answers (<c>NewsWire:Cache:Megabytes</c>); 0 turns the cache off.</summary>
    public const string MegabytesSetting = "NewsWire:Cache:Megabytes";
    private const int DefaultMegabytes = 32;

    public static bool IsEnabled(IConfiguration configuration) => Megabytes(configuration) > 0;

    public static IServiceCollection AddArticleCache(this IServiceCollection services, IConfiguration configuration)
    {
        var megabytes = Megabytes(configuration);
        services.AddOutputCache(options =>
        {
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
                    // The answer depends on Accept (JSON or text) and, through CORS, on Origin; the query
                    // string (format=) is part of every key already.
                    .SetVaryByHeader(["Accept", "Origin"])
                    .VaryByValue(context => new KeyValuePair<string, string>(
                        "db", context.RequestServices.GetRequiredService<IDatabaseVersion>().Current().ToString(CultureInfo.InvariantCulture)));
            });
        });
        return services;
    }

    private static int Megabytes(IConfiguration configuration) => configuration.GetValue(MegabytesSetting, DefaultMegabytes);
}
