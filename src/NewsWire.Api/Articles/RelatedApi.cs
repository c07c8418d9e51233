using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Caching;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

/// <summary>The query string of <c>GET /api/articles/{id}/related</c>.</summary>
public sealed record RelatedParameters
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;

    /// <summary>How many articles, 1..20 (default 5).</summary>
    public string? Limit { get; init; }
}

/// <summary>
/// The articles most like one article (ADR 13). The engine picks and ranks them (<see cref="IRelatedArticles"/>);
/// the store loads what is shown.
/// </summary>
public static class RelatedApi
{
    public static RouteHandlerBuilder MapRelatedArticles(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/articles/{id}/related", GetRelatedArticles)
            .WithTags("Articles")
            .WithName(nameof(GetRelatedArticles))
            .WithSummary("Articles most like this one")
            .WithDescription("""
                Most like first, as article summaries (`limit` 1..20, default 5). Like means: sharing this article's
                most distinctive words (its headline and body words that few other articles use), scored by BM25
                with a headline match above a body match, then raised for each tag it shares and for the same
                place; equal scores go to the newer article. The article itself and its near-duplicates (the same
                story re-sent) are never among them, nor are hidden near-duplicates of other stories.
                """)
            .RejectUnknownQueryParameters()
            .CacheUntilStoreChanges();

    public static async Task<Results<Ok<List<ArticleSummary>>, ProblemHttpResult, ValidationProblem>> GetRelatedArticles(
        string id, [AsParameters] RelatedParameters parameters, NewsWireDb db, IRelatedArticles related, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = QueryLimit.Parse(parameters.Limit, RelatedParameters.DefaultLimit, RelatedParameters.MaxLimit, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var article = await db.LoadForReadingAsync(id, cancellationToken);
        if (article is null)
        {
            return Problems.NotFound("article", id);
        }

        var ids = await related.FindAsync(article, limit, cancellationToken);
        var summaries = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(ArticleMappings.ToSummary)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        // An article deleted between the two reads is simply left out.
        return TypedResults.Ok(ids.Where(summaries.ContainsKey).Select(i => summaries[i]).ToList());
    }
}
