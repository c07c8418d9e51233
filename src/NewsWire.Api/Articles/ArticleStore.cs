using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// Single-article writes on the request's DbContext connection: one <see cref="ArticleWriter"/> call in one
/// transaction, then the stored article read back for the response.
/// </summary>
public sealed class ArticleStore(NewsWireDb db, TimeProvider clock)
{
    /// <summary>Stores a new article, or returns the stored one when the draft is an exact duplicate.</summary>
    public async Task<(Article Article, bool Created)> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken)
    {
        var outcome = await WriteAsync(writer => writer.Create(draft, Now), cancellationToken);
        return (await LoadAsync(outcome.Id, cancellationToken), outcome.Created);
    }

    /// <summary>Replaces an article's content; the slug stays so links keep working. When the draft exactly
    /// duplicates another article nothing is written and that article's id comes back as the conflict.</summary>
    public async Task<(Article? Updated, long? Conflict)> ReplaceAsync(long id, ArticleDraft draft, CancellationToken cancellationToken)
    {
        var conflict = await WriteAsync(writer => writer.Replace(id, draft, Now), cancellationToken);
        return conflict is null ? (await LoadAsync(id, cancellationToken), null) : (null, conflict);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<T> WriteAsync<T>(Func<ArticleWriter, T> write, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: take the write lock up front, so a concurrent writer waits (busy_timeout)
            // instead of failing when a read transaction tries to become a write one.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var writer = new ArticleWriter(connection, transaction);
            var result = write(writer);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Article> LoadAsync(long id, CancellationToken cancellationToken) =>
        await db.LoadForReadingAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Article {id} was gone right after it was written.");
}
