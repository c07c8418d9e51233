using Microsoft.EntityFrameworkCore;
using NewsWire.Storage;

namespace NewsWire.Api.Articles;

/// <summary>What a PUT or DELETE came to: written (the article as stored, for a PUT) or why nothing was.</summary>
public enum WriteStatus
{
    Written,
    NotFound,
    Conflict,
}

/// <summary>The outcome of a PUT or DELETE.</summary>
/// <param name="Status">Written, or why not.</param>
/// <param name="Position">The change-log position a written change reached.</param>
/// <param name="Article">For a written PUT: the article as stored, read in the write's transaction.</param>
/// <param name="Conflict">For <see cref="WriteStatus.Conflict"/>: the article the new content exactly duplicates.</param>
public sealed record WriteResult(WriteStatus Status, long Position = 0, Article? Article = null, long? Conflict = null);

/// <summary>
/// Single-article writes on the request's DbContext: one <see cref="IArticleWriter"/> call in one transaction, the
/// article looked up and the stored article read back in that same transaction, so
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
    /// article is missing or the draft exactly duplicates another article.</summary>
    public async Task<WriteResult> ReplaceAsync(string idOrSlug, ArticleDraft draft, CancellationToken cancellationToken)
    {
        var article = PreparedArticle.From(draft);
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var current = await CurrentAsync(idOrSlug, cancellationToken);
        if (current is null)
        {
            return new WriteResult(WriteStatus.NotFound);
        }

        var outcome = await writer.ReplaceAsync(current.Value, article, Now, cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            return new WriteResult(WriteStatus.Conflict, Conflict: conflict);
        }

        if (!outcome.Found)
        {
            return new WriteResult(WriteStatus.NotFound);
        }

        var stored = await LoadAsync(current.Value, cancellationToken);
        return new WriteResult(WriteStatus.Written, await writer.CommitAsync(cancellationToken), stored);
    }

    /// <summary>Deletes an article unless it is missing.</summary>
    public async Task<WriteResult> DeleteAsync(string idOrSlug, CancellationToken cancellationToken)
    {
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var current = await CurrentAsync(idOrSlug, cancellationToken);
        if (current is null)
        {
            return new WriteResult(WriteStatus.NotFound);
        }

        return await writer.DeleteAsync(current.Value, cancellationToken)
            ? new WriteResult(WriteStatus.Written, await writer.CommitAsync(cancellationToken))
            : new WriteResult(WriteStatus.NotFound);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Read in the write transaction (the context is enlisted in it), under the provider's write lock.</summary>
    private Task<long?> CurrentAsync(string idOrSlug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().WhereIdOrSlug(idOrSlug)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<Article> LoadAsync(long id, CancellationToken cancellationToken) =>
        await db.LoadForReadingAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Article {id} was gone right after it was written, in the same transaction.");
}
