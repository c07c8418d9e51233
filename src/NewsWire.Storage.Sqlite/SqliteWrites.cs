using System.Data.Common;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// Writes on SQLite, one <c>BEGIN IMMEDIATE</c> transaction at a time: the write lock is taken up front, so a
/// concurrent writer waits (busy_timeout) instead of failing when a read transaction tries to become a write
/// one, and change-log positions are handed out in commit order (ADR 20).
/// </summary>
internal sealed class SqliteWrites : ArticleWritesBase
{
    /// <summary>
    /// A bulk load touches the indexes (slug, hash, band keys, the change log) all over: a 64 MiB page cache
    /// keeps them in memory instead of SQLite's default 2 MiB. And the WAL is copied into the database every
    /// 100,000 pages (400 MB) instead of every 1,000: the pages every batch rewrites (index interiors) are then
    /// copied once per checkpoint rather than once per batch (docs/benchmarks.md).
    /// Temporary files in memory: each insert of an article's sixteen band rows keeps a statement journal (the
    /// pages it changed, to undo that statement alone), which outgrows SQLite's 64 KiB in-memory part once the
    /// band index is large, and a temporary file was then created, written and deleted for every article (ADR 32).
    /// </summary>
    protected override string BulkLoadSettings =>
        "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 100000; PRAGMA temp_store = MEMORY;";
    protected override string DefaultSettings =>
        "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA temp_store = DEFAULT;";

    protected override object Time(DateTime utc) => SqliteTime.Format(utc);

    protected override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken); // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for deferred

}
