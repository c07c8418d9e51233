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
                // EF's own check for the history table on PostgreSQL is to read it and catch the failure, which it
                // logs as an error (dotnet/efcore#37328): an operator would see ERR on every healthy first start.
                // The catalogue says whether the table is there; created empty, it reads without an error.
                var history = db.GetService<IHistoryRepository>();
                if (!await HistoryTableExistsAsync(db, cancellationToken))
                {
                    await history.CreateIfNotExistsAsync(cancellationToken);
                }

                var fresh = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
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

    private static async Task<bool> HistoryTableExistsAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL";
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
