namespace NewsWire.Storage.Sqlite;

/// <summary>
/// The near-duplicate band table as one b-tree (ADR 32). EF Core's model cannot say <c>WITHOUT ROWID</c>, so the
/// table is rebuilt by hand: a migration that EF writes for this table later would rebuild it with a rowid again,
/// which <c>BandTableTests</c> would catch.
/// </summary>
internal static class BandTableSql
{
    /// <summary>The rows keyed by (key, article) alone: one insert per band instead of a rowid row plus its key's
    /// index entry. Copied in key order, so the new b-tree is filled from one end.</summary>
    public static readonly string WithoutRowid = Rebuild("WITHOUT ROWID", """ORDER BY "Key", "ArticleId" """);

    /// <summary>The table as EF Core created it, for going back.</summary>
    public static readonly string WithRowid = Rebuild("", "");

    /// <summary>The same columns, key, foreign key and index by article in either form, so deleting an article
    /// still removes its bands; only the table's storage differs.</summary>
    private static string Rebuild(string tableOptions, string copyOrder) => $"""
        CREATE TABLE "ArticleBands_rebuilt" (
            "Key" INTEGER NOT NULL,
            "ArticleId" INTEGER NOT NULL,
            CONSTRAINT "PK_ArticleBands" PRIMARY KEY ("Key", "ArticleId"),
            CONSTRAINT "FK_ArticleBands_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
        ) {tableOptions};
        INSERT INTO "ArticleBands_rebuilt" ("Key", "ArticleId") SELECT "Key", "ArticleId" FROM "ArticleBands" {copyOrder};
        DROP TABLE "ArticleBands";
        ALTER TABLE "ArticleBands_rebuilt" RENAME TO "ArticleBands";
        CREATE INDEX "IX_ArticleBands_ArticleId" ON "ArticleBands" ("ArticleId");
        """;
}
