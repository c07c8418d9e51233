using Microsoft.AspNetCore.Http.HttpResults;
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
        CancellationToken cancellationToken)
    {
        // The body is read before the write transaction begins: a slow upload must not hold the write lock.
        var (draft, problem) = await reader.ReadAsync(request, metadata, cancellationToken);
        if (draft is null)
        {
            return problem!;
        }

        var result = await store.ReplaceAsync(id, draft, cancellationToken);
        if (result is not { Status: WriteStatus.Written, Article: { } updated })
        {
            return Refused(result, id);
        }

        ChangeHeader.Set(request.HttpContext.Response, result.Position);
        return TypedResults.Ok(updated.AsArticleDetail());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteArticle(
        string id,
        ArticleStore store,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(id, cancellationToken);
        if (result.Status != WriteStatus.Written)
        {
            return Refused(result, id);
        }

        ChangeHeader.Set(response, result.Position);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Refused(WriteResult result, string id) => result.Status switch
    {
        WriteStatus.Conflict => Problems.Status(StatusCodes.Status409Conflict, "The replacement duplicates another article.",
            $"Article {result.Conflict} already has this source, headline and body."),
        _ => Problems.NotFound("article", id),
    };
}
