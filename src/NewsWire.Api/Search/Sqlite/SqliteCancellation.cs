using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsWire.Api.Search.Sqlite;

/// <summary>
/// Stops a statement while it runs once a token is cancelled. Microsoft.Data.Sqlite runs statements
/// synchronously and its <c>Cancel()</c> does nothing, so the token given to <c>ExecuteReaderAsync</c> is
/// looked at only before a statement and between rows: a prefix that FTS5 spends minutes expanding would run
/// to the end. SQLite's progress handler is called every few thousand virtual-machine steps, FTS5's own reads
/// of the index included, and ends the statement with SQLITE_INTERRUPT.
/// </summary>
/// <remarks>
/// A progress handler rather than <c>sqlite3_interrupt</c> called from the token: the interrupt comes from
/// another thread, and one that lands after the search has finished would stop whatever the pooled
/// connection runs next, for another request. The handler runs on the statement's own thread and is taken
/// off before the connection goes back to the pool; an interrupted read leaves nothing behind (in autocommit
/// it holds no transaction to roll back).
/// </remarks>
internal sealed class SqliteCancellation : IDisposable
{
    /// <summary>Virtual-machine steps between two looks at the token: microseconds apart, and no cost that shows.</summary>
    private const int StepsBetweenLooks = 1_000;

    private readonly sqlite3 _handle;

    private SqliteCancellation(sqlite3 handle, CancellationToken token)
    {
        _handle = handle;
        raw.sqlite3_progress_handler(handle, StepsBetweenLooks, _ => token.IsCancellationRequested ? 1 : 0, null);
    }

    /// <summary>Watches the token for the statements the open connection runs until disposed.</summary>
    public static SqliteCancellation Watch(SqliteConnection connection, CancellationToken token) =>
        new(connection.Handle ?? throw new InvalidOperationException("The connection is not open."), token);

    /// <summary>Whether a failure is a statement this watch stopped.</summary>
    public static bool Stopped(SqliteException exception, CancellationToken token) =>
        exception.SqliteErrorCode == raw.SQLITE_INTERRUPT && token.IsCancellationRequested;

    public void Dispose() => raw.sqlite3_progress_handler(_handle, 0, null, null);
}
