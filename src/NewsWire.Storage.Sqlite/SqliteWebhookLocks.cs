using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// SQLite's webhook locks are its one write lock: a claim's transaction begins IMMEDIATE (Microsoft.Data.Sqlite's
/// default), so two instances on one file claim one after the other and never the same delivery. The dispatcher
/// matches outside any transaction and takes the lock only for its commit, which checks that its cursor has not
/// moved (ADR 27).
/// </summary>
internal sealed class SqliteWebhookLocks : IWebhookLocks
{
    public Task<bool> TryEnterDispatchAsync(NewsWireDb db, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<List<long>> DueAsync(NewsWireDb db, DateTime now, int count, CancellationToken cancellationToken) =>
        db.Deliveries.Due(now)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(count)
            .ToListAsync(cancellationToken);
}
