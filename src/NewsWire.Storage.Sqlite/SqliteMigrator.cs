using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// SQLite's start-up: WAL on (a property of the file, so set once here: readers go on while one writer writes),
/// then the migrations of this assembly; "fresh" means no migration had been applied, so a database whose
/// articles were all deleted is never re-seeded.
/// </summary>
internal sealed class SqliteMigrator : IDatabaseMigrator
{
    public async Task<bool> MigrateAsync(NewsWireDb db, Func<CancellationToken, Task> seedFresh, CancellationToken cancellationToken)
    {
        var fresh = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (fresh)
        {
            await seedFresh(cancellationToken);
        }

        return fresh;
    }
}
