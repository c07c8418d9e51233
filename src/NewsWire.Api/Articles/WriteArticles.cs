using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        [FromHeader(Name = WritePreconditions.IfMatchHeader)] string? ifMatch,
        [FromHeader(Name = WritePreconditions.IfNoneMatchHeader)] string? ifNoneMatch,
        HttpRequest request,
        ArticleRequestReader reader,
        ArticleStore store,
        CancellationToken cancellationToken)
    {
        var (preconditions, invalid) = WritePreconditions.Parse(ifMatch, ifNoneMatch);
        if (preconditions is null)
        {
            return (Results<ValidationProblem, ProblemHttpResult>)invalid!;
        }

        // The body is read before the write transaction begins: a slow upload must not hold the write lock.
        var (draft, problem) = await reader.ReadAsync(request, metadata, cancellationToken);
        if (draft is null)
        {
            return problem!;
        }

        var result = await store.ReplaceAsync(id, draft, preconditions, cancellationToken);
        if (result is not { Status: WriteStatus.Written, Article: { } updated })
        {
            return Refused(result, id);
        }

        ChangeHeader.Set(request.HttpContext.Response, result.Position);
        // The answer is the JSON representation GET now serves, so it carries that representation's tag.
        request.HttpContext.Response.Headers.ETag = ArticleETags.For(updated.Id, updated.UpdatedAt, ArticleETags.Json).ToString();
        return TypedResults.Ok(updated.AsArticleDetail());
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteArticle(
        string id,
        [FromHeader(Name = WritePreconditions.IfMatchHeader)] string? ifMatch,
        [FromHeader(Name = WritePreconditions.IfNoneMatchHeader)] string? ifNoneMatch,
        ArticleStore store,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var (preconditions, invalid) = WritePreconditions.Parse(ifMatch, ifNoneMatch);
        if (preconditions is null)
        {
            return invalid!;
        }

        var result = await store.DeleteAsync(id, preconditions, cancellationToken);
        if (result.Status != WriteStatus.Written)
        {
            return Refused(result, id);
        }

        ChangeHeader.Set(response, result.Position);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Refused(WriteResult result, string id) => result.Status switch
    {
        WriteStatus.PreconditionFailed => Problems.Status(StatusCodes.Status412PreconditionFailed, "A precondition failed.", result.Failure!),
        WriteStatus.Conflict => Problems.Status(StatusCodes.Status409Conflict, "The replacement duplicates another article.",
            $"Article {result.Conflict} already has this source, headline and body."),
        _ => Problems.NotFound("article", id),
    };
}
