using NewsWire.Api.Caching;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

public static class ArticlesApi
{
    public static IServiceCollection AddArticles(this IServiceCollection services) => services
        .AddSingleton<ListingTotals>()
        .AddScoped<ArticleStore>()
        .AddScoped<ArticleRequestReader>();

    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/articles").WithTags("Articles").RejectUnknownQueryParameters();

        group.MapGet("/", ListArticles.GetArticles)
            .WithName(nameof(ListArticles.GetArticles))
            .WithSummary("List articles, newest first")
            .WithDescription("""
                Filters: `source`, `tag`, `place`, `lang` (repeat a filter to OR its values; different filters AND),
                `from` and `to` (ISO date or date-time; a bare date covers the whole day, both ends inclusive).
                `order=newest|oldest`, `limit` 1..100 (default 20). Paging is by keyset: pass `nextCursor` back as
                `cursor` (also given in the `Link: rel="next"` header); a page never repeats or skips an article
                when new ones arrive. `total` counts every match over all pages.
                """)
            .CacheUntilStoreChanges();

        group.MapGet("/{id}", GetArticle.GetArticleById)
            .WithName(nameof(GetArticle.GetArticleById))
            .WithSummary("Get one article by id or slug")
            .WithDescription("""
                `{id}` is the numeric id or the slug. JSON by default; the full text as plain text (headline, lead,
                dateline, body with sub-headings) with `Accept: text/plain` or `?format=text`. Every representation
                has an `ETag`; send it back in `If-None-Match` to get 304 Not Modified.
                """)
            // Both 200 forms: declaring only the text one would hide the JSON one from the document and its clients.
            .Produces<ArticleDetail>(StatusCodes.Status200OK, "application/json", "text/plain")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .CacheUntilStoreChanges();

        group.MapGet("/{id}/quotes", GetQuotes.GetArticleQuotes)
            .WithName(nameof(GetQuotes.GetArticleQuotes))
            .WithSummary("Quotations in an article, with their speakers")
            .WithDescription("""
                Every quotation with its speaker and the body paragraph it stands in (counted from 1; the dateline
                paragraph is 1). "He said", "Smirnov added" and the like are resolved to the last named speaker,
                given by the name first used in full. Scare quotes ("Islamic caliphate") are terms, not quotations.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheUntilStoreChanges();

        var writes = group.MapGroup("").AddEndpointFilter<ApiKeyFilter>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ArticleLimits.RequestBytes));

        writes.MapPost("/", WriteArticles.CreateArticle)
            .WithName(nameof(WriteArticles.CreateArticle))
            .WithSummary("Add an article (JSON or raw wire copy)")
            .WithDescription("""
                Needs `X-Api-Key`. Send `application/json` with an ArticleInput, or `text/plain` with raw agency copy
                (breadcrumb, headline, lead, dateline such as `TASHKENT, September 18. /TASS/.`, paragraphs and
                sub-headings); for wire copy, metadata the text lacks goes in query parameters named as in
                ArticleInput. 201 with `Location` for a new article; an exact duplicate (same source, headline and
                body) is not stored again: 200 with the stored article.
                """)
            .Accepts<ArticleInput>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapPut("/{id}", WriteArticles.ReplaceArticle)
            .WithName(nameof(WriteArticles.ReplaceArticle))
            .WithSummary("Replace an article")
            .WithDescription("""
                Needs `X-Api-Key`. Takes the same bodies as POST; the slug stays. 404 when missing; 409 when the new
                content duplicates another article. Conditional (ADR 33): with `If-Match` (the `ETag` of either
                representation from GET, or `*`) the article is replaced only if it is still that version, else 412;
                `If-None-Match: *` is 412 for an article that exists. The answer's `ETag` is the new version's (JSON).
                """)
            .Accepts<ArticleInput>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("/{id}", WriteArticles.DeleteArticle)
            .WithName(nameof(WriteArticles.DeleteArticle))
            .WithSummary("Delete an article")
            .WithDescription("""
                Needs `X-Api-Key`. 204 when deleted, 404 when missing. With `If-Match` (an `ETag` from GET, or `*`) the
                article is deleted only if it is still that version, else 412 (ADR 33).
                """)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return group;
    }
}
