using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsWire.Api.Articles;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.RateLimits;

namespace NewsWire.Api.Ingest;

/// <summary>Query parameters of the bulk import; they apply to feeds, whose entries carry no source or language.</summary>
public sealed record ImportParameters
{
    /// <summary>Feeds only: the agency for every entry. Default: the feed's title.</summary>
    [FromQuery]
    public string? Source { get; init; }
    /// <summary>Feeds only: the language of every entry. Default: the feed's language.</summary>
    [FromQuery]
    public string? Lang { get; init; }
}

public static class ImportApi
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxBytes > 0, $"{ImportOptions.MaxBytesSetting} must be a positive number of bytes.")
            .ValidateOnStart();
        // Feeds declare windows-1252, ISO-8859-15, KOI8-R...: .NET reads those only with the code-page encodings added.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return services.AddScoped<ArticleImporter>();
    }

    public static IEndpointConventionBuilder MapImport(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/articles/import", ImportArticles)
            .WithTags("Articles")
            .WithName(nameof(ImportArticles))
            .WithSummary("Import many articles: NDJSON, Atom or RSS")
            .WithDescription("""
                Needs `X-Api-Key`. `application/x-ndjson`: one ArticleInput per line. `application/atom+xml` or
                `application/rss+xml`: one article per entry (title → headline, content or summary → body, HTML
                turned into text; `source` and `lang` default to the feed's title and language). The upload is
                read as a stream and stored in batches of 500 (fewer for long articles), each in one transaction.
                Answers `{ created, duplicates, failed: [{ line, errors }] }`: `line` is the 1-based line or entry;
                near-duplicates count as created, exact duplicates are not stored again. A bad line or entry
                (not well-formed, a date that is not a date, over 2 MiB) never loses the good ones. Uploads over
                `NewsWire:Import:MaxBytes` (default 1 GiB) are 413.
                """)
            // Routing answers 415 for any type not listed here, so the list is every type Kind() reads.
            .Accepts<string>("application/x-ndjson", "application/atom+xml", "application/rss+xml",
                "application/ndjson", "application/jsonl", "application/jsonlines", "application/xml", "text/xml")
            // Also the limit of a compressed upload's decoded bytes, which the decoder reads before this handler runs.
            .WithMetadata(new RequestSizeLimitAttribute(
                routes.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddEndpointFilter<ApiKeyFilter>()
            .RejectUnknownQueryParameters()
            .RequireRateLimiting(RateLimitSetup.ImportsPolicy)
            .DisableRequestTimeout();

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult, ValidationProblem>> ImportArticles(
        [AsParameters] ImportParameters parameters,
        HttpContext http,
        ArticleImporter importer,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
        IOptions<ImportOptions> importOptions,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var kind = Kind(http.Request.ContentType);
        if (kind is null)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                $"Send application/x-ndjson, application/atom+xml or application/rss+xml, not '{http.Request.ContentType ?? "nothing"}'.");
        }

        if (kind == "ndjson" && (parameters.Source is not null || parameters.Lang is not null))
        {
            return Problems.Validation(parameters.Source is not null ? "source" : "lang",
                "source and lang apply to feeds; in NDJSON each line carries its own.");
        }

        if (ArticleDrafts.CheckSourceAndLang(parameters.Source, parameters.Lang) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        // This endpoint alone raises Kestrel's body limit (30 MB by default) to the import limit.
        var maxBytes = importOptions.Value.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes, null);
        }

        var items = kind == "ndjson"
            ? NdjsonItems.ReadAsync(http.Request.Body, jsonOptions.Value.SerializerOptions, clock, cancellationToken)
            : FeedItems.ReadAsync(http.Request.Body, parameters.Source, parameters.Lang, clock, cancellationToken);
        var report = new ImportReport();
        try
        {
            ChangeHeader.Set(http.Response, await importer.ImportAsync(items, report, progress: null, cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes, report);
        }
        catch (InvalidDataException)
        {
            return RequestDecoding.NotDecodable(
                $"Reading stopped there; the batches before it were stored: {report.Created} created, {report.Duplicates} duplicates.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left: nobody reads this answer, but the request log shows 499, not a server error.
            return Problems.Status(StatusCodes.Status499ClientClosedRequest, "The client closed the request.",
                $"Reading stopped when the client left; the batches before were stored: {report.Created} created, {report.Duplicates} duplicates.");
        }

        return TypedResults.Ok(report);
    }

    private static ProblemHttpResult TooLarge(long maxBytes, ImportReport? report) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The upload is too large.",
            $"An import takes at most {maxBytes:N0} bytes ({ImportOptions.MaxBytesSetting})." + (report is null ? ""
                : $" Reading stopped at the limit; the batches before it were stored: {report.Created} created, {report.Duplicates} duplicates."));

    private static string? Kind(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        return mediaType.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/jsonlines" => "ndjson",
            "application/atom+xml" or "application/rss+xml" or "application/xml" or "text/xml" => "feed",
            _ => null,
        };
    }
}
