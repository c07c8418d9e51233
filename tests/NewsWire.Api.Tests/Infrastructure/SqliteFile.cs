using Microsoft.Data.Sqlite;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>Questions a test asks a SQLite file directly, beside the service: its schema, its triggers, one value.</summary>
internal static class SqliteFile
{
    /// <summary>One value, or <c>default</c> for no row or NULL.</summary>
    public static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? (T)value : default;
    }

    /// <summary>The triggers' names, sorted, comma-separated.</summary>
    public static Task<string?> TriggersAsync(SqliteConnection connection) =>
        ScalarAsync<string>(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)");
}
