using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// SQLite's webhook locks. The dispatcher's lease is an exclusive lock on a file beside the database
/// (<c>newswire.db-webhooks.lock</c>): every instance on one SQLite file runs on one machine, the lock costs no
/// database write (so never waits for an import's write lock), and the system lets it go when its process dies
/// (ADR 31). A database in memory belongs to one process, which always leads. Claims are made under SQLite's one
/// write lock: a claim's transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), so two instances on one
/// file claim one after the other and never the same delivery.
/// </summary>
internal sealed class SqliteWebhookLocks(string connectionString) : IWebhookLocks
{
    public Task<IDispatchLease?> TryLeadDispatchAsync(CancellationToken cancellationToken)
    {
        if (SqliteStorage.DataSourcePath(connectionString) is not { } database)
        {
            return Task.FromResult<IDispatchLease?>(new FileLease(null));
        }

        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux and macOS, a sharing lock on Windows.
            var file = new FileStream(database + "-webhooks.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IDispatchLease?>(new FileLease(file));
        }
        catch (IOException)
        {
            return Task.FromResult<IDispatchLease?>(null); // another instance (or process) leads
        }
    }

    public Task<List<long>> DueAsync(NewsWireDb db, DateTime now, int count, CancellationToken cancellationToken) =>
        db.Deliveries.Due(now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Held while the file is open; nothing can take a lock from its holder.</summary>
    private sealed class FileLease(FileStream? file) : IDispatchLease
    {
        public Task<bool> IsHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
