using Microsoft.OpenApi;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddNewsWireOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "NewsWire",
                Version = "v1",
                Description = """
                    A self-hosted archive of wire news. Reads are public; writes need an API key in `X-Api-Key`
                    (press **Authorize**). Errors are RFC 9457 problems (`application/problem+json`).
                    Requests are rate limited per client address (writes and imports per API key): every answer
                    carries `RateLimit-Policy` and `RateLimit`, and a spent budget answers 429 with `Retry-After`.
                    """,
                Contact = new OpenApiContact { Name = "NewsWire maintainers" },
                // No licence has been chosen for the project: the document says so (all rights reserved, the
                // state of code without one) and links a page that explains it, rather than invent a licence.
                License = new OpenApiLicense { Name = "No licence chosen yet: all rights reserved", Url = new Uri("https://choosealicense.com/no-permission/") },
            });
            // Relative: Swagger UI and clients resolve it against wherever they fetched this document.
            options.AddServer(new OpenApiServer { Url = "/", Description = "This service" });
            options.IncludeXmlComments(typeof(OpenApiSetup).Assembly);
            // The wire names: [AsParameters] records would otherwise show their C# property names (Q, Limit).
            options.DescribeAllParametersInCamelCase();
            // `string` and `string?` differ in the document as in C#, so generated clients know what can be null.
            options.SupportNonNullableReferenceTypes();
            options.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFilter.HeaderName,
                Description = "A key from NewsWire:ApiKeys.",
            });
            options.OperationFilter<WriteOperationsNeedKey>();
            options.OperationFilter<ProblemResponses>();
            options.OperationFilter<WireCopyExample>();
            options.OperationFilter<PlainTextResponsesAreStrings>();
            options.OperationFilter<RouteAndHeaderParameters>();
            options.DocumentFilter<TagDescriptions>();
            options.DocumentFilter<RateLimitHeaders>();
            options.DocumentFilter<ChangeHeaders>();
        });
        return services;
    }

    public static WebApplication MapNewsWireOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/swagger/v1/swagger.json", "NewsWire v1");
            ui.DocumentTitle = "NewsWire API";
            ui.EnableTryItOutByDefault();
            ui.DisplayRequestDuration();
        });
        return app;
    }
}
