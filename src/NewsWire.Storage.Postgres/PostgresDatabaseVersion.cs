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
    private readonly Lock _reading = new();
    private Reading _last = new(long.MinValue, 0); // a reference, so a reader never sees half of another thread's reading

    public long Current()
    {
        var arrived = clock.GetTimestamp();
        var last = Volatile.Read(ref _last);
        if (staleness > TimeSpan.Zero && last.StartedAt != long.MinValue && clock.GetElapsedTime(last.StartedAt, arrived) < staleness)
        {
            return last.Head;
        }

        // As on SQLite: a reading that began after this request arrived saw every write acknowledged before it,
        // so requests that queue behind a reading in progress take the next one's answer instead of each making
        // a round trip. Under concurrency that is one round trip per batch of waiting requests, not per request.
        lock (_reading)
        {
            last = _last;
            if (last.StartedAt > arrived)
            {
                return last.Head;
            }

            var started = clock.GetTimestamp();
            using var command = dataSource.CreateCommand(ArticleWritesBase.HeadSql);
            var head = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            Volatile.Write(ref _last, new Reading(started, head));
            return head;
        }
    }

    private sealed record Reading(long StartedAt, long Head);
}
