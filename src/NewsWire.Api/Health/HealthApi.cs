using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Health;

/// <summary>The service's health as a load balancer's probe sees it.</summary>
public sealed record ServiceHealth
{
    /// <example>healthy</example>
    public required string Status { get; init; }
    /// <example>{"database": "The database answers."}</example>
    public required IReadOnlyDictionary<string, string?> Checks { get; init; }
}

public static partial class HealthApi
{
    public static IServiceCollection AddNewsWireHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static RouteHandlerBuilder MapNewsWireHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", GetHealth)
            .WithTags("Operations")
            .WithName(nameof(GetHealth))
            .WithSummary("Is the service up and its database answering?")
            .WithDescription("200 when the database answers a query, 503 otherwise. Meant for load balancers and uptime checks.")
            .Produces<ServiceHealth>(StatusCodes.Status503ServiceUnavailable)
            .RejectUnknownQueryParameters();

    public static async Task<Results<Ok<ServiceHealth>, JsonHttpResult<ServiceHealth>>> GetHealth(
        HealthCheckService health, HttpContext http, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var status = new ServiceHealth
        {
            Status = report.Status.ToString().ToLowerInvariant(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description),
        };
        http.Response.Headers.CacheControl = "no-store";
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(status)
            : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The probe is public: the engine's message goes to the log, not to whoever asks.</summary>
    private sealed partial class DatabaseHealthCheck(NewsWireDb db, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                LogUnhealthy(e);
                return HealthCheckResult.Unhealthy("The database does not answer; the service log says why.");
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the database does not answer")]
        private partial void LogUnhealthy(Exception exception);
    }
}
