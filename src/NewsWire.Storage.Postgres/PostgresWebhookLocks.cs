using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// PostgreSQL's webhook locks (ADR 27, 31). The dispatcher's lease is a session advisory lock of its own (not the
/// writers', so dispatching never holds up a write), tried rather than waited for, on a connection the lease keeps
/// open: the server lets it go when that session ends, however it ends. No transaction stays open while the
/// dispatcher matches. Claims skip rows another instance has locked (<c>FOR UPDATE SKIP LOCKED</c>), so claimers
/// never wait for nor take each other's rows.
/// </summary>
internal sealed class PostgresWebhookLocks(NpgsqlDataSource dataSource) : IWebhookLocks
{
    public async Task<IDispatchLease?> TryLeadDispatchAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresStorage.DispatchLock})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new SessionLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
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

    /// <summary>Held while its session lives: a round trip tells whether it still does.</summary>
    private sealed class SessionLease(NpgsqlConnection connection) : IDispatchLease
    {
        public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false; // the session is gone, and its lock with it
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocked before the connection goes back to the pool, where a session lock would outlive the lease.
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresStorage.DispatchLock})", connection);
                await command.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The session is gone: so is its lock.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
