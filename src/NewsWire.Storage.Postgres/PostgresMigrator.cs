using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// PostgreSQL's start-up, under a session advisory lock: two instances that start at the same moment on an
/// empty database take turns, so the schema is created once and the seed stored once; the second finds the
/// migrations applied and seeds nothing.
/// </summary>
internal sealed class PostgresMigrator : IDatabaseMigrator
{
    public async Task<bool> MigrateAsync(NewsWireDb db, Func<CancellationToken, Task> seedFresh, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresStorage.StartupLock})", cancellationToken);
            try
            {
                // Asking for applied migrations before the history table exists logs a failed query on PostgreSQL.
                var history = db.GetService<IHistoryRepository>();
                var fresh = !await history.ExistsAsync(cancellationToken)
                    || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
                await db.Database.MigrateAsync(cancellationToken);
                // Another instance may have created citext after this one's connections learnt the server's types.
                await ((NpgsqlConnection)db.Database.GetDbConnection()).ReloadTypesAsync(cancellationToken);
                if (fresh)
                {
                    await seedFresh(cancellationToken);
                }

                return fresh;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresStorage.StartupLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
