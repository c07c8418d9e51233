using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsWire.Api.RateLimits;

/// <summary>
/// What a client is told: <c>RateLimit-Policy</c> and <c>RateLimit</c> (draft-ietf-httpapi-ratelimit-headers)
/// on every answer, and a 429 problem with <c>Retry-After</c> when the budget is spent.
/// </summary>
internal static class RateLimitAnswers
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    /// <summary>Before the limiter, so that refused requests get the headers too.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // When the response starts: after an answer replayed from the output cache has set its stored headers,
        // so a cached page never carries the count of the request that filled the cache.
        context.Response.OnStarting(WriteHeaders, context);
        return next(context);
    });

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (http.Features.Get<RateLimitFeature>() is not { } feature)
        {
            return;
        }

        var (_, resetSeconds) = feature.Counter.Snapshot();
        var policy = feature.Counter.Policy;
        http.Response.Headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"The '{policy.Name}' limit of {policy.Describe()} is used up; try again in {resetSeconds} s (Retry-After).",
            },
        });
    }

    private static Task WriteHeaders(object state)
    {
        var context = (HttpContext)state;
        if (context.Features.Get<RateLimitFeature>() is { } feature)
        {
            var (remaining, resetSeconds) = feature.Counter.Snapshot();
            var headers = context.Response.Headers;
            headers[PolicyHeader] = feature.Counter.Policy.PolicyHeader;
            headers[StateHeader] = string.Create(CultureInfo.InvariantCulture, $"\"{feature.Counter.Policy.Name}\";r={remaining};t={resetSeconds}");
        }

        return Task.CompletedTask;
    }
}
