using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsWire.Api.Data;

/// <summary>
/// Per-connection settings. WAL itself is persistent in the file (set once at start-up); these are not.
/// busy_timeout makes a writer wait for another writer instead of failing with "database is locked";
/// synchronous=NORMAL is durable in WAL mode except for the last commits on power loss, never corrupt.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
