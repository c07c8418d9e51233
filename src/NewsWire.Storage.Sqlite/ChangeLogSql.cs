namespace NewsWire.Storage.Sqlite;

/// <summary>
/// The triggers that append to the change log (ADR 20). Triggers, not statements in the writer, so that every
/// write to Articles is logged in its own transaction whoever makes it: the writer, a foreign-key action (a
/// deleted original's repeats are unlinked, and shown), an operator with <c>sqlite3</c>. Kept here, as
/// <see cref="FullTextIndexSql"/> is, because a migration that rebuilds Articles drops its triggers and must
/// create these again (a test checks they exist after all migrations).
/// </summary>
/// <remarks>
/// SQLite has one writer at a time, so the order in which positions are handed out is the order of commit:
/// a reader that has seen position n has seen every change up to n. AUTOINCREMENT keeps a position from ever
/// being handed out twice, even after compaction drops the newest rows.
/// </remarks>
public static class ChangeLogSql
{
    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    public const string CreateTriggers = $"""
        CREATE TRIGGER ArticleChanges_AfterInsert AFTER INSERT ON Articles BEGIN
            INSERT INTO ArticleChanges (ArticleId, Kind, ChangedAt) VALUES (new.Id, 'Created', {Now});
        END;
        CREATE TRIGGER ArticleChanges_AfterUpdate AFTER UPDATE ON Articles BEGIN
            INSERT INTO ArticleChanges (ArticleId, Kind, ChangedAt) VALUES (new.Id,
                CASE WHEN old.DuplicateOfId IS NULL AND new.DuplicateOfId IS NOT NULL THEN 'Hidden'
                     WHEN old.DuplicateOfId IS NOT NULL AND new.DuplicateOfId IS NULL THEN 'Shown'
                     ELSE 'Updated' END,
                {Now});
        END;
        CREATE TRIGGER ArticleChanges_AfterDelete AFTER DELETE ON Articles BEGIN
            INSERT INTO ArticleChanges (ArticleId, Kind, ChangedAt) VALUES (old.Id, 'Deleted', {Now});
        END;
        """;

    /// <summary>Every article already stored is in the log once, as created, so a reader starting at 0 sees them all.</summary>
    public const string Backfill = $"""
        INSERT INTO ArticleChanges (ArticleId, Kind, ChangedAt) SELECT Id, 'Created', {Now} FROM Articles ORDER BY Id;
        INSERT INTO ChangeLogState (Id, CompactedThrough) VALUES (1, 0);
        """;

    public const string DropTriggers = """
        DROP TRIGGER IF EXISTS ArticleChanges_AfterInsert;
        DROP TRIGGER IF EXISTS ArticleChanges_AfterUpdate;
        DROP TRIGGER IF EXISTS ArticleChanges_AfterDelete;
        """;

    /// <summary>The head: the newest position, 0 for an empty log.</summary>
    public const string Head = "SELECT coalesce(max(Position), 0) FROM ArticleChanges";
}
