using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// Writes on the context's own connection, one <c>BEGIN IMMEDIATE</c> transaction at a time: the write lock is
/// taken up front, so a concurrent writer waits (busy_timeout) instead of failing when a read transaction
/// tries to become a write one.
/// </summary>
internal sealed class SqliteWrites : IArticleWrites
{
    /// <summary>
    /// A bulk load touches the indexes (slug, hash, band keys, the FTS5 segments) all over: a 64 MiB page cache
    /// keeps them in memory instead of SQLite's default 2 MiB. And the WAL is copied into the database every
    /// 100,000 pages (400 MB) instead of every 1,000: the pages every batch rewrites (index interiors, FTS5
    /// structure) are then copied once per checkpoint rather than once per batch (docs/benchmarks.md).
    /// </summary>
    private const string BulkLoadSettings = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 100000;";
    private const string DefaultSettings = "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;";

    public async Task<IWriteConnection> OpenAsync(NewsWireDb db, WriteLoad load, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (load == WriteLoad.Bulk)
        {
            await ExecuteAsync(connection, BulkLoadSettings, cancellationToken);
        }

        return new WriteConnection(db, connection, load);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteConnection(NewsWireDb db, SqliteConnection connection, WriteLoad load) : IWriteConnection
    {
        public async Task<IArticleWriter> BeginAsync(CancellationToken cancellationToken)
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new TransactionWriter(connection, transaction, new ArticleWriter(connection, transaction));
        }

        /// <summary>The connection goes back to the pool and may serve a request next, with the defaults.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (load == WriteLoad.Bulk)
                {
                    await ExecuteAsync(connection, DefaultSettings, CancellationToken.None);
                }
            }
            catch (SqliteException)
            {
                // The load already failed on this connection; its own exception is the one to report.
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class TransactionWriter(SqliteConnection connection, SqliteTransaction transaction, ArticleWriter writer) : IArticleWriter
    {
        public ValueTask<WriteOutcome> CreateAsync(PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Create(article, now));

        public ValueTask<long?> ReplaceAsync(long id, PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Replace(id, article, now));

        public ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
            ValueTask.FromResult(writer.Delete(id));

        /// <summary>The write lock is held from BEGIN IMMEDIATE to the commit, so the head read here is this
        /// transaction's own last position (the triggers of <see cref="ChangeLogSql"/> wrote the entries).</summary>
        public async Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            await using var head = connection.CreateCommand();
            head.Transaction = transaction;
            head.CommandText = ChangeLogSql.Head;
            var position = (long)(await head.ExecuteScalarAsync(cancellationToken))!;
            await transaction.CommitAsync(cancellationToken);
            return position;
        }

        public async ValueTask DisposeAsync()
        {
            writer.Dispose();
            await transaction.DisposeAsync();
        }
    }
}
