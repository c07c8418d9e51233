namespace NewsWire.Storage.Postgres;

/// <summary>
/// The change-log trigger on PostgreSQL (ADR 20): one row per article a write touches, in the write's own
/// transaction, after the writers' advisory lock, so positions follow commit order whoever writes.
/// </summary>
public static class ChangeLogSql
{
    public static readonly string CreateTrigger = $$"""
        CREATE FUNCTION newswire_log_change() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM pg_advisory_xact_lock({{PostgresStorage.WriteLock}});
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "ArticleChanges" ("ArticleId", "Kind", "ChangedAt") VALUES (NEW."Id", 'Created', clock_timestamp());
                RETURN NEW;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO "ArticleChanges" ("ArticleId", "Kind", "ChangedAt") VALUES (NEW."Id",
                    CASE WHEN OLD."DuplicateOfId" IS NULL AND NEW."DuplicateOfId" IS NOT NULL THEN 'Hidden'
                         WHEN OLD."DuplicateOfId" IS NOT NULL AND NEW."DuplicateOfId" IS NULL THEN 'Shown'
                         ELSE 'Updated' END,
                    clock_timestamp());
                RETURN NEW;
            ELSE
                INSERT INTO "ArticleChanges" ("ArticleId", "Kind", "ChangedAt") VALUES (OLD."Id", 'Deleted', clock_timestamp());
                RETURN OLD;
            END IF;
        END
        $body$;
        CREATE TRIGGER "ArticleChanges_AfterWrite" AFTER INSERT OR UPDATE OR DELETE ON "Articles"
            FOR EACH ROW EXECUTE FUNCTION newswire_log_change();
        INSERT INTO "ChangeLogState" ("Id", "CompactedThrough") VALUES (1, 0);
        """;

    public const string DropTrigger = """
        DROP TRIGGER IF EXISTS "ArticleChanges_AfterWrite" ON "Articles";
        DROP FUNCTION IF EXISTS newswire_log_change();
        """;
}
