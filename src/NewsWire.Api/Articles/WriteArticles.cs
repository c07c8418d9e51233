using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

public static class WriteArticles
{
    public static async Task<Results<Created<ArticleDetail>, Ok<ArticleDetail>, Results<ValidationProblem, ProblemHttpResult>>> CreateArticle(
        [AsParameters] WireCopyMetadata metadata,
        HttpRequest request,
        ArticleRequestReader reader,
        ArticleStore store,
        CancellationToken cancellationToken)
    {
        var (draft, problem) = await reader.ReadAsync(request, metadata, cancellationToken);
        if (draft is null)
        {
            return problem!;
        }

        var (article, created, position) = await store.CreateAsync(draft, cancellationToken);
        ChangeHeader.Set(request.HttpContext.Response, position);
        var detail = article.AsArticleDetail();
        return created
            ? TypedResults.Created($"/api/articles/{article.Id}", detail)
            : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult, Results<ValidationProblem, ProblemHttpResult>>> ReplaceArticle(
        string id,
        [AsParameters] WireCopyMetadata metadata,
        HttpRequest request,
        ArticleRequestReader reader,
        ArticleStore store,
        NewsWireDb db,
        CancellationToken cancellationToken)
    {
        var articleId = await db.Articles.WhereIdOrSlug(id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (articleId is null)
        {
            return Problems.NotFound("article", id);
        }

        var (draft, problem) = await reader.ReadAsync(request, metadata, cancellationToken);
        if (draft is null)
        {
            return problem!;
        }

        var (updated, conflict, position) = await store.ReplaceAsync(articleId.Value, draft, cancellationToken);
        if (updated is not null)
        {
            ChangeHeader.Set(request.HttpContext.Response, position);
        }

        return updated is null
            ? Problems.Status(StatusCodes.Status409Conflict, "The replacement duplicates another article.",
                $"Article {conflict} already has this source, headline and body.")
            : TypedResults.Ok(updated.AsArticleDetail());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteArticle(
        string id, NewsWireDb db, ArticleStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var articleId = await db.Articles.WhereIdOrSlug(id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (articleId is not { } found || await store.DeleteAsync(found, cancellationToken) is not { } position)
        {
            return Problems.NotFound("article", id);
        }

        ChangeHeader.Set(response, position);
        return TypedResults.NoContent();
    }
}
