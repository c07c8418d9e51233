using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// PostgreSQL's webhook locks (ADR 27): the dispatcher's round holds a transaction-scoped advisory lock of its own
/// (not the writers', so matching never holds up a write), tried rather than waited for; claims skip rows another
/// instance has locked (<c>FOR UPDATE SKIP LOCKED</c>), so claimers never wait for nor take each other's rows.
/// </summary>
internal sealed class PostgresWebhookLocks : IWebhookLocks
{
    public async Task<bool> TryEnterDispatchAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({PostgresStorage.DispatchLock}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            await transaction.RollbackAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return locked;
    }

    public Task<List<long>> DueAsync(NewsWireDb db, DateTime now, int count, CancellationToken cancellationToken) =>
        // DeliveryClaims.Due in SQL: EF Core cannot add FOR UPDATE SKIP LOCKED to a LINQ query.
        db.Database.SqlQuery<long>($"""
            SELECT "Id" AS "Value" FROM "Deliveries"
            WHERE "State" = 'Pending' AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
            ORDER BY "NextAttemptAt", "Id"
            LIMIT {count}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
}
