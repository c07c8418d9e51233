using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// Per-connection settings. WAL itself is persistent in the file (set once at start-up); these are not.
/// busy_timeout makes a writer wait for another writer instead of failing with "database is locked";
/// synchronous=NORMAL is durable in WAL mode except for the last commits on power loss, never corrupt.
/// </summary>
/// <remarks>
/// EF Core opens and closes its connection around every query, and Microsoft.Data.Sqlite hands out pooled
/// native connections: the settings are applied once per native connection (its handle), not on every
/// open, which would add a statement to every request.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Configured);
}
