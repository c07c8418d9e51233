namespace NewsWire.Storage.Sqlite;

/// <summary>
/// The near-duplicate band table as one b-tree (ADR 32). EF Core's model cannot say <c>WITHOUT ROWID</c>, so the
/// table is rebuilt by hand: a migration that EF writes for this table later would rebuild it with a rowid again,
/// which <c>BandTableTests</c> would catch.
/// </summary>
internal static class BandTableSql
{
    /// <summary>The rows keyed by (key, article) alone: one insert per band instead of a rowid row plus its key's
    /// index entry. The foreign key and the index by article stay, so deleting an article still removes its bands.</summary>
    public const string WithoutRowid = """
        CREATE TABLE "ArticleBands_new" (
            "Key" INTEGER NOT NULL,
            "ArticleId" INTEGER NOT NULL,
            CONSTRAINT "PK_ArticleBands" PRIMARY KEY ("Key", "ArticleId"),
            CONSTRAINT "FK_ArticleBands_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
        ) WITHOUT ROWID;
        INSERT INTO "ArticleBands_new" ("Key", "ArticleId") SELECT "Key", "ArticleId" FROM "ArticleBands" ORDER BY "Key", "ArticleId";
        DROP TABLE "ArticleBands";
        ALTER TABLE "ArticleBands_new" RENAME TO "ArticleBands";
        CREATE INDEX "IX_ArticleBands_ArticleId" ON "ArticleBands" ("ArticleId");
        """;

    /// <summary>The table as EF Core created it, for going back.</summary>
    public const string WithRowid = """
        CREATE TABLE "ArticleBands_old" (
            "Key" INTEGER NOT NULL,
            "ArticleId" INTEGER NOT NULL,
            CONSTRAINT "PK_ArticleBands" PRIMARY KEY ("Key", "ArticleId"),
            CONSTRAINT "FK_ArticleBands_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
        );
        INSERT INTO "ArticleBands_old" ("Key", "ArticleId") SELECT "Key", "ArticleId" FROM "ArticleBands";
        DROP TABLE "ArticleBands";
        ALTER TABLE "ArticleBands_old" RENAME TO "ArticleBands";
        CREATE INDEX "IX_ArticleBands_ArticleId" ON "ArticleBands" ("ArticleId");
        """;
}
