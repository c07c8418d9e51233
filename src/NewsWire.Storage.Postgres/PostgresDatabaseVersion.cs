using System.Globalization;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// The change log's head, read from the server: one indexed <c>max</c> over the log's primary key. Every
/// instance reads the same head, so a write acknowledged by one is what the next request to any other keys its
/// cache by: read-your-writes across instances (ADR 21). Concurrent requests share readings
/// (<see cref="SharedReading{T}"/>): each gets the answer of a reading that began after it arrived, at most two
/// round trips per request whatever the load, and no thread blocked on one (ADR 30). With a staleness allowance
/// a reading is reused for that long, an operator's trade of freshness for round trips.
/// </summary>
/// <remarks>
/// Readings run one at a time, so they keep one connection of their own with the query prepared on it, as
/// SQLite's reading does: no pool rent and return, and no state reset on the server, per reading. A connection
/// that broke (a server restart, an idle timeout) is replaced and the reading made once more on a new one.
/// </remarks>
internal sealed class PostgresDatabaseVersion : IDatabaseVersion, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _staleness;
    private readonly TimeProvider _clock;
    private readonly SharedReading<long> _reading;
    private Reading? _last; // a reference, so a reader never sees half of another thread's reading
    private NpgsqlConnection? _connection; // touched only by the reading in flight
    private NpgsqlCommand? _head;

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

    /// <summary>One round trip for every request waiting; no caller's cancellation is passed, since others share it.</summary>
    private async Task<long> ReadHeadAsync()
    {
        // The reading is as old as its start: a write committed while it ran may be missing from it.
        var started = _clock.GetTimestamp();
        var reused = _head is not null;
        long head;
        try
        {
            head = await QueryAsync();
        }
        catch (Exception e) when (reused && e is NpgsqlException or InvalidOperationException)
        {
            // The kept connection may have died while idle; a reading on a new one still began after every
            // caller waiting for it arrived. A second failure is the server's answer.
            await CloseAsync();
            head = await QueryAsync();
        }

        Volatile.Write(ref _last, new Reading(started, head));
        return head;
    }

    private async Task<long> QueryAsync()
    {
        try
        {
            if (_head is null)
            {
                _connection = await _dataSource.OpenConnectionAsync();
                _head = new NpgsqlCommand(ArticleWritesBase.HeadSql, _connection);
                await _head.PrepareAsync();
            }

            return Convert.ToInt64(await _head.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_head is not null)
        {
            await _head.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        (_head, _connection) = (null, null);
    }

    /// <summary>Closes the kept connection once no reading uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _reading.StopAsync();
        await CloseAsync();
    }

    public void Dispose()
    {
        // A reading is one round trip; the host disposes asynchronously, so this wait is the rare path.
        _reading.StopAsync().Wait(TimeSpan.FromSeconds(10));
        _head?.Dispose();
        _connection?.Dispose();
    }

    private sealed record Reading(long StartedAt, long Head);
}
