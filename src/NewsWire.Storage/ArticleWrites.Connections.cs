using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage;

/// <summary>
/// <see cref="IArticleWrites"/> on the context's own connection for any provider: one transaction at a time, an
/// <see cref="ArticleWriter"/> in it, and the change-log head read inside the transaction before it commits.
/// A provider says how a time is bound and may tune the connection for a bulk load or lock when a transaction
/// begins (ADR 19, ADR 20).
/// </summary>
public abstract class ArticleWritesBase : IArticleWrites
{
    /// <summary>The newest position; quoted so that every provider reads the same table.</summary>
    public const string HeadSql = """SELECT coalesce(max("Position"), 0) FROM "ArticleChanges" """;

    public async Task<IWriteConnection> OpenAsync(NewsWireDb db, WriteLoad load, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await OnOpenedAsync(connection, load, cancellationToken);
        return new WriteConnection(this, db, connection, load);
    }

    /// <summary>How a UTC time is bound in this provider's SQL.</summary>
    protected abstract object Time(DateTime utc);

    /// <summary>Begins a transaction, taking whatever lock the provider needs for commit order (ADR 20).</summary>
    protected abstract Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A batch of new articles: by default one <see cref="ArticleWriter.Create(PreparedArticle, DateTime)"/>
    /// after another; a provider with a faster bulk path overrides it (it must decide duplicates and slugs the same way).</summary>
    protected virtual ValueTask<IReadOnlyList<WriteOutcome>> CreateManyAsync(DbConnection connection, DbTransaction transaction,
        ArticleWriter writer, IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            outcomes[i] = writer.Create(articles[i], now);
        }

        return ValueTask.FromResult<IReadOnlyList<WriteOutcome>>(outcomes);
    }

    /// <summary>Statements that tune a connection for a bulk load (<see cref="WriteLoad.Bulk"/>); none by default.</summary>
    protected virtual string? BulkLoadSettings => null;

    /// <summary>Statements that undo <see cref="BulkLoadSettings"/> before the connection goes back to the pool (and
    /// may serve a request next).</summary>
    protected virtual string? DefaultSettings => null;

    private Task OnOpenedAsync(DbConnection connection, WriteLoad load, CancellationToken cancellationToken) =>
        load == WriteLoad.Bulk && BulkLoadSettings is { } settings ? ExecuteAsync(connection, settings, cancellationToken) : Task.CompletedTask;

    private Task OnClosingAsync(DbConnection connection, WriteLoad load) =>
        load == WriteLoad.Bulk && DefaultSettings is { } settings ? ExecuteAsync(connection, settings, CancellationToken.None) : Task.CompletedTask;

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteConnection(ArticleWritesBase provider, NewsWireDb db, DbConnection connection, WriteLoad load) : IWriteConnection
    {
        public async Task<IArticleWriter> BeginAsync(CancellationToken cancellationToken)
        {
            var transaction = await provider.BeginAsync(connection, cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            return new TransactionWriter(provider, db, connection, transaction, new ArticleWriter(connection, transaction, provider.Time));
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await provider.OnClosingAsync(connection, load);
            }
            catch (DbException)
            {
                // The load already failed on this connection; its own exception is the one to report.
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class TransactionWriter(ArticleWritesBase provider, NewsWireDb db, DbConnection connection, DbTransaction transaction, ArticleWriter writer) : IArticleWriter
    {
        public ValueTask<WriteOutcome> CreateAsync(PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Create(article, now));

        public ValueTask<IReadOnlyList<WriteOutcome>> CreateManyAsync(IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken) =>
            provider.CreateManyAsync(connection, transaction, writer, articles, now, cancellationToken);

        public ValueTask<ReplaceOutcome> ReplaceAsync(long id, PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Replace(id, article, now));

        public ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Delete(id));

        /// <summary>Writers hold the provider's write lock from begin to commit, so the head read here is this
        /// transaction's own last position (the change-log triggers wrote the entries).</summary>
        public async Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            await using var head = connection.CreateCommand();
            head.Transaction = transaction;
            head.CommandText = HeadSql;
            var position = Convert.ToInt64(await head.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken);
            return position;
        }

        public async ValueTask DisposeAsync()
        {
            writer.Dispose();
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
        }
    }
}
