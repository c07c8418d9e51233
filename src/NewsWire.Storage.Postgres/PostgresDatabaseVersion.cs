using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// The change log's head, read from the server on every call: one indexed <c>max</c> over the log's primary key,
/// a round trip on a pooled connection. Every instance reads the same head, so a write acknowledged by one is
/// what the next request to any other keys its cache by (ADR 20).
/// </summary>
internal sealed class PostgresDatabaseVersion(NpgsqlDataSource dataSource) : IDatabaseVersion
{
    public long Current()
    {
        using var command = dataSource.CreateCommand(ArticleWritesBase.HeadSql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
