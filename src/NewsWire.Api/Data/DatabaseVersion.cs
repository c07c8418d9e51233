using Microsoft.Data.Sqlite;

namespace NewsWire.Api.Data;

/// <summary>
/// A number that changes whenever anything commits to the database: this service's writes, an import,
/// another process on the same file. Cached answers are keyed by it, so none outlives a change (ADR 9).
/// </summary>
public interface IDatabaseVersion
{
    long Current();
}

/// <summary>
/// SQLite's <c>PRAGMA data_version</c>, read on one connection kept for it alone: its value changes when
/// any other connection, in this process or another, has committed since the last read. Reading it
/// starts and ends a read transaction, a look at the WAL index in shared memory: no file I/O.
/// </summary>
internal sealed class SqliteDatabaseVersion(string connectionString) : IDatabaseVersion, IDisposable
{
    private readonly bool _inMemory = StorageExtensions.DataSourcePath(connectionString) is null;
    private readonly Lock _lock = new();
    private long _memoryVersion;
    private SqliteConnection? _connection;
    private SqliteCommand? _command;

    public long Current()
    {
        if (_inMemory)
        {
            // Each connection to :memory: is a database of its own; no other can report changes, so never repeat.
            return Interlocked.Increment(ref _memoryVersion);
        }

        lock (_lock)
        {
            if (_command is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = "PRAGMA data_version;";
            }

            return (long)_command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        _command?.Dispose();
        _connection?.Dispose();
    }
}
