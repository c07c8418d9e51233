using Microsoft.EntityFrameworkCore;
using NewsWire.Storage;

namespace NewsWire.Api.Articles;

/// <summary>What a PUT or DELETE came to: written, or why nothing was.</summary>
public enum WriteStatus
{
    Written,
    NotFound,
    PreconditionFailed,
    Conflict,
}

/// <summary>The outcome of a PUT or DELETE.</summary>
/// <param name="Status">Written, or why not.</param>
/// <param name="Position">The change-log position a written change reached.</param>
/// <param name="Article">For a written PUT: the article as stored, read in the write's transaction.</param>
/// <param name="Conflict">For <see cref="WriteStatus.Conflict"/>: the article the new content exactly duplicates.</param>
/// <param name="Failure">For <see cref="WriteStatus.PreconditionFailed"/>: why.</param>
public sealed record WriteResult(WriteStatus Status, long Position = 0, Article? Article = null, long? Conflict = null, string? Failure = null);

/// <summary>
/// Single-article writes on the request's DbContext: one <see cref="IArticleWriter"/> call in one transaction, the
/// article looked up, its preconditions evaluated and the stored article read back in that same transaction, so
/// no other write can come between (a DELETE between the look-up and the write left a 500 and orphan rows). The
/// provider behind <see cref="IArticleWrites"/> does the SQL.
/// </summary>
public sealed class ArticleStore(NewsWireDb db, IArticleWrites writes, TimeProvider clock)
{
    /// <summary>Stores a new article, or returns the stored one when the draft is an exact duplicate.</summary>
    public async Task<(Article Article, bool Created, long Position)> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken)
    {
        var article = PreparedArticle.From(draft);
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var outcome = await writer.CreateAsync(article, Now, cancellationToken);
        var stored = await LoadAsync(outcome.Id, cancellationToken);
        return (stored, outcome.Created, await writer.CommitAsync(cancellationToken));
    }

    /// <summary>Replaces an article's content; the slug stays so links keep working. Nothing is written when the
    /// article is missing, a precondition fails or the draft exactly duplicates another article.</summary>
    public async Task<WriteResult> ReplaceAsync(string idOrSlug, ArticleDraft draft, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        var article = PreparedArticle.From(draft);
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var current = await CurrentAsync(idOrSlug, cancellationToken);
        if (Refusal(idOrSlug, current, preconditions) is { } refused)
        {
            return refused;
        }

        var outcome = await writer.ReplaceAsync(current!.Id, article, NextVersion(current.UpdatedAt), cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            return new WriteResult(WriteStatus.Conflict, Conflict: conflict);
        }

        if (!outcome.Found)
        {
            return new WriteResult(WriteStatus.NotFound);
        }

        var stored = await LoadAsync(current.Id, cancellationToken);
        return new WriteResult(WriteStatus.Written, await writer.CommitAsync(cancellationToken), stored);
    }

    /// <summary>Deletes an article unless it is missing or a precondition fails.</summary>
    public async Task<WriteResult> DeleteAsync(string idOrSlug, WritePreconditions preconditions, CancellationToken cancellationToken)
    {
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var current = await CurrentAsync(idOrSlug, cancellationToken);
        if (Refusal(idOrSlug, current, preconditions) is { } refused)
        {
            return refused;
        }

        return await writer.DeleteAsync(current!.Id, cancellationToken)
            ? new WriteResult(WriteStatus.Written, await writer.CommitAsync(cancellationToken))
            : new WriteResult(WriteStatus.NotFound);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A replacement's time: now to the microsecond (PostgreSQL keeps no more, and GET's ETag is made of what it
    /// reads back), and always after the version it replaces, so that a clock that stood still or stepped back
    /// never gives changed content a tag it had before (If-Match and If-None-Match would then match it).
    /// </summary>
    private DateTime NextVersion(DateTime previous)
    {
        var now = Now;
        now = now.AddTicks(-(now.Ticks % 10));
        return now > previous ? now : previous.AddTicks(10);
    }

    /// <summary>Read in the write transaction (the context is enlisted in it), under the provider's write lock.</summary>
    private Task<ArticleVersion?> CurrentAsync(string idOrSlug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().WhereIdOrSlug(idOrSlug)
            .Select(a => new ArticleVersion(a.Id, a.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken)!;

    private static WriteResult? Refusal(string idOrSlug, ArticleVersion? current, WritePreconditions preconditions) =>
        preconditions.Failure(idOrSlug, current) is { } failure ? new WriteResult(WriteStatus.PreconditionFailed, Failure: failure)
        : current is null ? new WriteResult(WriteStatus.NotFound)
        : null;

    private async Task<Article> LoadAsync(long id, CancellationToken cancellationToken) =>
        await db.LoadForReadingAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Article {id} was gone right after it was written, in the same transaction.");
}
