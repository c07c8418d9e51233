using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// The change log's head, read from the server: one indexed <c>max</c> over the log's primary key, a round trip
/// on a pooled connection. Every instance reads the same head, so a write acknowledged by one is what the next
/// request to any other keys its cache by: read-your-writes across instances (ADR 21). With a staleness
/// allowance the head read is reused for that long, an operator's trade of freshness for round trips.
/// </summary>
internal sealed class PostgresDatabaseVersion(NpgsqlDataSource dataSource, TimeSpan staleness, TimeProvider clock) : IDatabaseVersion
{
    private Reading? _last; // a reference, so a reader never sees half of another thread's reading

    public long Current()
    {
        var now = clock.GetTimestamp();
        if (staleness > TimeSpan.Zero && Volatile.Read(ref _last) is { } last && clock.GetElapsedTime(last.ReadAt, now) < staleness)
        {
            return last.Head;
        }

        using var command = dataSource.CreateCommand(ArticleWritesBase.HeadSql);
        var head = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Volatile.Write(ref _last, new Reading(now, head));
        return head;
    }

    private sealed record Reading(long ReadAt, long Head);
}
