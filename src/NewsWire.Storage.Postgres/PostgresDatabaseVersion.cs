using System.Globalization;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// The change log's head, read from the server: one indexed <c>max</c> over the log's primary key, a round trip
/// on a pooled connection. Every instance reads the same head, so a write acknowledged by one is what the next
/// request to any other keys its cache by: read-your-writes across instances (ADR 21). Concurrent requests
/// share readings (<see cref="SharedReading{T}"/>): each gets the answer of a reading that began after it
/// arrived, at most two round trips per request whatever the load, and no thread blocked on one (ADR 30).
/// With a staleness allowance a reading is reused for that long, an operator's trade of freshness for round trips.
/// </summary>
internal sealed class PostgresDatabaseVersion : IDatabaseVersion
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _staleness;
    private readonly TimeProvider _clock;
    private readonly SharedReading<long> _reading;
    private Reading? _last; // a reference, so a reader never sees half of another thread's reading

    public PostgresDatabaseVersion(NpgsqlDataSource dataSource, TimeSpan staleness, TimeProvider clock)
    {
        (_dataSource, _staleness, _clock) = (dataSource, staleness, clock);
        _reading = new SharedReading<long>(ReadHeadAsync);
    }

    public ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_staleness > TimeSpan.Zero && Volatile.Read(ref _last) is { } last && _clock.GetElapsedTime(last.StartedAt) < _staleness)
        {
            return ValueTask.FromResult(last.Head);
        }

        var reading = _reading.NextAsync();
        return new ValueTask<long>(cancellationToken.CanBeCanceled ? reading.WaitAsync(cancellationToken) : reading);
    }

    /// <summary>One round trip for every request waiting; the caller's cancellation is not passed: others share it.</summary>
    private async Task<long> ReadHeadAsync()
    {
        // The reading is as old as its start: a write committed while it ran may be missing from it.
        var started = _clock.GetTimestamp();
        await using var command = _dataSource.CreateCommand(ArticleWritesBase.HeadSql);
        var head = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        Volatile.Write(ref _last, new Reading(started, head));
        return head;
    }

    private sealed record Reading(long StartedAt, long Head);
}
