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
    /// A bulk load touches the indexes (slug, hash, band keys, the change log) all over: a 256 MiB page cache
    /// keeps most of them in memory instead of SQLite's default 2 MiB (at 1M articles the band index alone is
    /// 360 MB; 256 MiB imported 10% faster there than 64 MiB, 512 MiB no faster; ADR 32). The WAL is copied
    /// into the database every 100,000 pages (400 MB) instead of every 1,000, so the pages every batch rewrites
    /// (index interiors) are copied once per checkpoint rather than once per batch (docs/benchmarks.md).
    /// Temporary files stay in memory: the insert of an article's sixteen band rows keeps a statement journal
    /// (the pages it changed, to undo that statement alone) which outgrows SQLite's 64 KiB in-memory part once
    /// the band index is large, and a temporary file was then created, written and deleted per article.
    /// </summary>
    protected override string BulkLoadSettings =>
        "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 100000; PRAGMA temp_store = MEMORY;";
    protected override string DefaultSettings =>
        "PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA temp_store = DEFAULT;";

    protected override object Time(DateTime utc) => SqliteTime.Format(utc);

    protected override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken); // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for deferred

}
