using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsWire.Api.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter with NewsWire's four policies (ADR 14). An endpoint names a tighter policy with
/// <c>.RequireRateLimiting(RateLimitSetup.SearchPolicy)</c>; every other request is counted by the global
/// limiter, as a read (GET, HEAD, OPTIONS) or a write, so a route added later is limited without anyone
/// remembering to.
/// </summary>
public static class RateLimitSetup
{
    public const string SearchPolicy = RateLimitPolicy.Search;
    public const string ImportsPolicy = RateLimitPolicy.Imports;

    public static IServiceCollection AddNewsWireRateLimits(this IServiceCollection services)
    {
        var options = services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        foreach (var name in new[] { nameof(RateLimitOptions.Reads), nameof(RateLimitOptions.Writes), nameof(RateLimitOptions.Search), nameof(RateLimitOptions.Imports) })
        {
            options.Validate(o => o.Policies().Single(p => p.Name == name).Policy is { PermitLimit: >= 1 and <= 1_000_000, WindowSeconds: >= 1 and <= 86_400 },
                $"{RateLimitOptions.Section}:{name} needs PermitLimit from 1 to 1000000 and WindowSeconds from 1 to 86400 " +
                $"(to turn rate limits off, set {RateLimitOptions.Section}:Enabled to false).");
        }

        options.Validate(o => o.StreamsPerClient is >= 1 and <= 10_000,
            $"{RateLimitOptions.Section}:StreamsPerClient needs a number from 1 to 10000 (0 would refuse every stream).");
        options.ValidateOnStart();
        services.AddSingleton<RateLimitPartitions>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitPartitions>((limiter, partitions) =>
        {
            // The middleware's default is 503, which tells a client the service is down rather than that it asked too often.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitAnswers.RejectAsync;
            foreach (var name in new[] { SearchPolicy, ImportsPolicy })
            {
                limiter.AddPolicy(name, context => RateLimitPartition.Get(partitions.For(context, name), static counter => counter));
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, object>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                    ? RateLimitPartition.GetNoLimiter<object>(OwnPolicy)
                    : RateLimitPartition.Get<object>(partitions.For(context, IsRead(context.Request) ? RateLimitPolicy.Reads : RateLimitPolicy.Writes),
                        static counter => (RateLimiter)counter));
        });
        return services;
    }

    /// <summary>After CORS (a preflight is answered before it counts) and before the output cache, so cached
    /// answers are counted and carry the headers too.</summary>
    public static WebApplication UseNewsWireRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimitHeaders();
            app.UseRateLimiter();
        }

        return app;
    }

    private static readonly object OwnPolicy = new();

    private static bool IsRead(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
}
