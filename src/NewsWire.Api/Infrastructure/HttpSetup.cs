using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Serilog;

namespace NewsWire.Api.Infrastructure;

public static class HttpSetup
{
    public const string CorsPolicy = "NewsWireCors";

    public static IServiceCollection AddNewsWireHttp(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<ApiKeyRing>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusCodeProblems.Describe);
        services.AddRequestDecoding();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // A key given twice is refused, not settled by whichever came last (RFC 8259 leaves it open).
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });

        // Reads are open to any origin unless NewsWire:Cors:Origins narrows them; writes need a key anyway,
        // and browsers only send X-Api-Key cross-origin when NewsWire:Cors:AllowWrites is true.
        services.AddOptions<CrossOriginOptions>()
            .BindConfiguration(CrossOriginOptions.Section)
            .Validate(o => o.Origins.All(CrossOriginOptions.IsOrigin),
                $"{CrossOriginOptions.Section}:Origins must hold origins such as https://desk.example (scheme and host, no path).")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, settings) => cors.AddPolicy(CorsPolicy, policy =>
        {
            var (origins, allowWrites) = (settings.Value.Origins, settings.Value.AllowWrites);
            _ = origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
            _ = allowWrites
                ? policy.WithMethods("GET", "HEAD", "POST", "PUT", "DELETE").WithHeaders("Content-Type", ApiKeyFilter.HeaderName, "If-None-Match", "Accept")
                : policy.WithMethods("GET", "HEAD").WithHeaders("If-None-Match", "Accept");
            policy.WithExposedHeaders("Link", "ETag", "Location", "Age", "Retry-After", "RateLimit", "RateLimit-Policy", ChangeHeader.Name);
        }));
        return services;
    }

    public static WebApplication UseNewsWireHttp(this WebApplication app)
    {
        // Outermost, so each request is logged with the status the client got, after the handlers below.
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        // Anything unexpected leaves as a bare 500 problem: no stack trace, no engine message.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor, SuppressDiagnosticsCallback = IsClientFault });
        app.UseAbandonedRequests();
        app.UseStatusCodePages();
        app.UseQueryEncodingCheck();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseRequestDecoding();
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>A body cut short or over a limit is the client's doing: a 4xx in the request log, not an error with a stack.</summary>
    private static bool IsClientFault(ExceptionHandlerSuppressDiagnosticsContext context) =>
        context.Exception is BadHttpRequestException;

    /// <summary>Client faults the framework raises (a body cut short, a read past Kestrel's limit) stay 4xx.</summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };
}
