using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// The change log's head (ADR 20), read only when SQLite says something committed: <c>PRAGMA data_version</c>,
/// read on one connection kept for it alone, changes when any other connection, in this process or another, has
/// committed since the last read. Reading it starts and ends a read transaction, a look at the WAL index in
/// shared memory: no file I/O. Only when it moved is the head read (an index look-up), so a cached read costs
/// what it cost before the log existed, and the cache is keyed by the same number on every provider.
/// </summary>
internal sealed class SqliteDatabaseVersion(string connectionString) : IDatabaseVersion, IDisposable
{
    private readonly bool _inMemory = SqliteStorage.DataSourcePath(connectionString) is null;
    private readonly Lock _lock = new();
    private long _memoryVersion;
    private (long StartedAt, long Value) _last = (long.MinValue, 0);
    private SqliteConnection? _connection;
    private SqliteCommand? _dataVersion;
    private SqliteCommand? _head;
    private long _lastDataVersion = long.MinValue;
    private long _lastHead;

    /// <summary>Read on the caller's thread: no I/O, so nothing to await (ADR 30), and no task allocated.</summary>
    public ValueTask<long> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private long Read()
    {
        if (_inMemory)
        {
            // Each connection to :memory: is a database of its own; no other can report changes, so never repeat.
            return Interlocked.Increment(ref _memoryVersion);
        }

        // A reading that began after this request arrived is as good as one of its own: requests that queue
        // behind a reading in progress take the next one's answer instead of each reading again.
        var arrived = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_last.StartedAt > arrived)
            {
                return _last.Value;
            }

            if (_dataVersion is null || _head is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _dataVersion = _connection.CreateCommand();
                _dataVersion.CommandText = "PRAGMA data_version;";
                _head = _connection.CreateCommand();
                _head.CommandText = ChangeLogSql.Head;
            }

            var started = Stopwatch.GetTimestamp();
            // The head is read after data_version: a commit in between is then in the head, or moves data_version again.
            var dataVersion = (long)_dataVersion.ExecuteScalar()!;
            if (dataVersion != _lastDataVersion)
            {
                _lastHead = (long)_head.ExecuteScalar()!;
                _lastDataVersion = dataVersion;
            }

            _last = (started, _lastHead);
            return _last.Value;
        }
    }

    public void Dispose()
    {
        _dataVersion?.Dispose();
        _head?.Dispose();
        _connection?.Dispose();
    }
}
