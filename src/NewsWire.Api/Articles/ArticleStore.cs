using NewsWire.Storage;

namespace NewsWire.Api.Articles;

/// <summary>
/// Single-article writes on the request's DbContext: one <see cref="IArticleWriter"/> call in one transaction,
/// then the stored article read back for the response. The provider behind <see cref="IArticleWrites"/> does the SQL.
/// </summary>
public sealed class ArticleStore(NewsWireDb db, IArticleWrites writes, TimeProvider clock)
{
    /// <summary>Stores a new article, or returns the stored one when the draft is an exact duplicate.</summary>
    public async Task<(Article Article, bool Created, long Position)> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken)
    {
        var article = PreparedArticle.From(draft);
        var (outcome, position) = await WriteAsync((writer, token) => writer.CreateAsync(article, Now, token), cancellationToken);
        return (await LoadAsync(outcome.Id, cancellationToken), outcome.Created, position);
    }

    /// <summary>Replaces an article's content; the slug stays so links keep working. When the draft exactly
    /// duplicates another article nothing is written and that article's id comes back as the conflict.</summary>
    public async Task<(Article? Updated, long? Conflict, long Position)> ReplaceAsync(long id, ArticleDraft draft, CancellationToken cancellationToken)
    {
        var article = PreparedArticle.From(draft);
        var (conflict, position) = await WriteAsync((writer, token) => writer.ReplaceAsync(id, article, Now, token), cancellationToken);
        return conflict is null ? (await LoadAsync(id, cancellationToken), null, position) : (null, conflict, position);
    }

    /// <summary>Deletes an article: the change-log position of the deletion, or null when it was already gone.</summary>
    public async Task<long?> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var (deleted, position) = await WriteAsync((writer, token) => writer.DeleteAsync(id, token), cancellationToken);
        return deleted ? position : null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One write in one transaction; the result with the change-log position it reached.</summary>
    private async Task<(T Result, long Position)> WriteAsync<T>(Func<IArticleWriter, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await writes.OpenAsync(db, WriteLoad.OneArticle, cancellationToken);
        await using var writer = await connection.BeginAsync(cancellationToken);
        var result = await write(writer, cancellationToken);
        return (result, await writer.CommitAsync(cancellationToken));
    }

    private async Task<Article> LoadAsync(long id, CancellationToken cancellationToken) =>
        await db.LoadForReadingAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Article {id} was gone right after it was written.");
}
