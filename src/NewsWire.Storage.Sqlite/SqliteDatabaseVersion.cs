using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c>, read on one connection kept for it alone: its value changes when
/// any other connection, in this process or another, has committed since the last read. Reading it
/// starts and ends a read transaction, a look at the WAL index in shared memory: no file I/O.
/// </summary>
internal sealed class SqliteDatabaseVersion(string connectionString) : IDatabaseVersion, IDisposable
{
    private readonly bool _inMemory = SqliteStorage.DataSourcePath(connectionString) is null;
    private readonly Lock _lock = new();
    private long _memoryVersion;
    private (long StartedAt, long Value) _last = (long.MinValue, 0);
    private SqliteConnection? _connection;
    private SqliteCommand? _command;

    public long Current()
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

            if (_command is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = "PRAGMA data_version;";
            }

            var started = Stopwatch.GetTimestamp();
            _last = (started, (long)_command.ExecuteScalar()!);
            return _last.Value;
        }
    }

    public void Dispose()
    {
        _command?.Dispose();
        _connection?.Dispose();
    }
}
