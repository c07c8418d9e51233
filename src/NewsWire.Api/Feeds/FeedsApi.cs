using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using NewsWire.Api.Caching;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Search;

namespace NewsWire.Api.Feeds;

/// <summary>
/// Feeds of the newest articles in three formats, for any listing filter or search (ADR 12), and the
/// OpenSearch description that tells clients how to ask for them.
/// </summary>
public static class FeedsApi
{
    private const string Common = """
        Newest first. Takes every listing filter (`source`, `tag`, `place`, `lang`, `from`, `to`, `includeDuplicates`)
        and `q`, the search syntax of `/api/search`, so any filter or search is a feed; `limit` 1..100 (default 20).
        Each entry has a stable id (a tag URI), the headline, the lead (or the opening of the body) as plain
        text, the reader page `/articles/{slug}` and the JSON `/api/articles/{id}`, the publication and update
        times, the source as author and the tags as categories. Paging follows the feed's `next` link (the
        listing cursor). `ETag` and `Last-Modified` answer `If-None-Match` and `If-Modified-Since` with 304.
        Bad parameters, like a `q` that only excludes, are 400 problems.
        """;

    public static IServiceCollection AddFeeds(this IServiceCollection services) => services
        .AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section)
            .Validate(o => o.IdAuthority is null || FeedLinks.IsTaggingAuthority(o.IdAuthority),
                $"{FeedLinks.IdAuthoritySetting} must be a domain name (news.example.com) or an e-mail address, with no scheme or path.")
            .ValidateOnStart().Services
        .AddScoped<FeedPages>()
        .AddSingleton<FeedVersions>()
        .Configure<Swashbuckle.AspNetCore.SwaggerGen.SwaggerGenOptions>(options => options.OperationFilter<FeedExamples>());

    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        // Feed readers poll: the same feed is served from memory until the store changes (ADR 15).
        var feeds = routes.MapGroup("/feeds").WithTags("Feeds").RejectUnknownQueryParameters().CacheUntilStoreChanges();

        feeds.MapGet("/atom", GetAtomFeed)
            .WithName(nameof(GetAtomFeed))
            .WithSummary("Atom 1.0 feed of the newest articles, for any filter or search")
            .WithDescription("Atom 1.0 (RFC 4287) with RFC 5005 `next` and `first` links. " + Common)
            .Produces<string>(StatusCodes.Status200OK, XmlFeeds.AtomType)
            .Produces(StatusCodes.Status304NotModified);

        feeds.MapGet("/rss", GetRssFeed)
            .WithName(nameof(GetRssFeed))
            .WithSummary("RSS 2.0 feed of the newest articles, for any filter or search")
            .WithDescription("RSS 2.0, with `atom:link` for self, next and search. " + Common)
            .Produces<string>(StatusCodes.Status200OK, XmlFeeds.RssType)
            .Produces(StatusCodes.Status304NotModified);

        feeds.MapGet("/json", GetJsonFeed)
            .WithName(nameof(GetJsonFeed))
            .WithSummary("JSON Feed 1.1 of the newest articles, for any filter or search")
            .WithDescription("JSON Feed 1.1 (`application/feed+json`), with `next_url` for the next page. " + Common)
            .Produces<JsonFeed>(StatusCodes.Status200OK, JsonFeed.ContentType)
            .Produces(StatusCodes.Status304NotModified);

        routes.MapGet("/opensearch.xml", GetOpenSearchDescription)
            .WithTags("Feeds")
            .WithName(nameof(GetOpenSearchDescription))
            .WithSummary("OpenSearch description of the archive's search")
            .WithDescription("""
                OpenSearch 1.1: URL templates for `/api/search` (JSON) and for the Atom, RSS and JSON feeds of a
                search, so browsers and feed readers can offer NewsWire as a search engine. Linked from every feed.
                """)
            .Produces<string>(StatusCodes.Status200OK, OpenSearch.ContentType)
            .RejectUnknownQueryParameters();

        return feeds;
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem>> GetAtomFeed(
        [AsParameters] FeedParameters parameters, FeedPages pages, FeedVersions versions, HttpContext http, IConfiguration configuration,
        CancellationToken cancellationToken) =>
        Feed(parameters, XmlFeeds.AtomType, XmlFeeds.Atom, pages, versions, http, configuration, cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem>> GetRssFeed(
        [AsParameters] FeedParameters parameters, FeedPages pages, FeedVersions versions, HttpContext http, IConfiguration configuration,
        CancellationToken cancellationToken) =>
        Feed(parameters, XmlFeeds.RssType, XmlFeeds.Rss, pages, versions, http, configuration, cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem>> GetJsonFeed(
        [AsParameters] FeedParameters parameters, FeedPages pages, FeedVersions versions, HttpContext http, IConfiguration configuration,
        CancellationToken cancellationToken) =>
        Feed(parameters, JsonFeed.ContentType, JsonFeed.Write, pages, versions, http, configuration, cancellationToken);

    public static FileContentHttpResult GetOpenSearchDescription(HttpContext http, IConfiguration configuration) =>
        TypedResults.Bytes(OpenSearch.Describe(new FeedLinks(http.Request, configuration)), OpenSearch.ContentType + "; charset=utf-8");

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Feed(
        FeedParameters parameters, string contentType, Func<FeedDocument, byte[]> write,
        FeedPages pages, FeedVersions versions, HttpContext http, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = parameters.ToRequest(errors);
        if (request is null)
        {
            return Problems.Validation(errors);
        }

        FeedPage page;
        try
        {
            page = await pages.ReadAsync(request, cancellationToken);
        }
        catch (SearchTooBroadException tooBroad)
        {
            return Problems.TooBroad(tooBroad.Message); // the feed of a search takes the search's budget, and its 400
        }

        var links = new FeedLinks(http.Request, configuration);
        var body = write(new FeedDocument(request, page, links));
        var (etag, lastModified) = versions.Validators(links.Self.AbsoluteUri, body);
        if (lastModified is null && http.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            // No Last-Modified yet (the bytes changed within this second): one is due a second from now, so this
            // answer must not be served from memory until the next write.
            cache.Context.AllowCacheStorage = false;
        }

        http.Response.Headers.Append("Link", $"<{links.OpenSearch.AbsoluteUri}>; rel=\"search\"; type=\"{OpenSearch.ContentType}\"; title=\"NewsWire\"");
        // The framework's file result answers If-None-Match (first) and If-Modified-Since with 304.
        return TypedResults.Bytes(body, contentType + "; charset=utf-8", lastModified: lastModified, entityTag: etag);
    }
}
