using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace NewsWire.Api.Infrastructure;

public static class HttpSetup
{
    public const string CorsPolicy = "NewsWireCors";

    public static IServiceCollection AddNewsWireHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });

        // Reads are open to any origin unless NewsWire:Cors:Origins narrows them; writes need a key anyway,
        // and browsers only send X-Api-Key cross-origin when NewsWire:Cors:AllowWrites is true.
        var origins = configuration.GetSection("NewsWire:Cors:Origins").Get<string[]>() ?? [];
        var allowWrites = configuration.GetValue<bool>("NewsWire:Cors:AllowWrites");
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            _ = origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
            _ = allowWrites
                ? policy.WithMethods("GET", "HEAD", "POST", "PUT", "DELETE").WithHeaders("Content-Type", ApiKeyFilter.HeaderName, "If-None-Match", "Accept")
                : policy.WithMethods("GET", "HEAD").WithHeaders("If-None-Match", "Accept");
            policy.WithExposedHeaders("Link", "ETag", "Location");
        }));
        return services;
    }

    public static WebApplication UseNewsWireHttp(this WebApplication app)
    {
        // Anything unexpected leaves as a bare 500 problem: no stack trace, no engine message.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.Use(EndAbandonedRequests);
        app.UseCors(CorsPolicy);
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// A request whose client went away ends when its work stops (a search interrupted mid-statement, for one).
    /// Nobody reads the answer, but the request log would call the escaping exception a 500 error: it is the
    /// client's 499 ("client closed request", as nginx logs it).
    /// </summary>
    private static async Task EndAbandonedRequests(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        }
    }

    /// <summary>Client faults the framework raises (a body cut short, a read past Kestrel's limit) stay 4xx.</summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };
}
