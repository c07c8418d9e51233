namespace NewsWire.Storage.Sqlite;

/// <summary>
/// The FTS5 index and the triggers that kept it in step with Articles, as the migrations created them, until
/// <c>DropFullTextSearch</c> removed them (Lucene is the engine, ADR 23). Migration history only: the
/// earlier migrations still create the index on a fresh database (and rebuild its triggers after a table
/// rebuild), and the last one drops it, so the service never reads it.
/// </summary>
public static class FullTextIndexSql
{
    /// <summary>BM25 weights of the columns: headline 10, lead 4, body 1, place 2.</summary>
    private const string Weights = "10.0, 4.0, 1.0, 2.0";

    /// <summary>
    /// The relevance score (lower is better) as an expression, the same value as FTS5's <c>rank</c> column
    /// (the persistent setting below).
    /// </summary>
    public const string Relevance = $"bm25(ArticleSearch, {Weights})";

    /// <summary>The index's tokenizer.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>
    /// External content: the index stores only its inverted lists and reads text from Articles for
    /// snippets. porter over unicode61 stems English; remove_diacritics 2 folds Zürich to zurich.
    /// The same weights are the index's persistent rank setting, for anyone querying it by hand.
    /// </summary>
    public const string CreateIndex = $"""
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(
            headline, lead, body, place,
            content='Articles', content_rowid='Id',
            tokenize='{Tokenizer}');
        INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('rank', 'bm25({Weights})');
        """;

    /// <summary>
    /// The delete and update triggers pass the old values: an external-content index can only remove a
    /// row's terms if it is told what they were. The update trigger fires only when indexed text changes.
    /// </summary>
    public const string CreateTriggers = """
        CREATE TRIGGER ArticleSearch_AfterInsert AFTER INSERT ON Articles BEGIN
            INSERT INTO ArticleSearch(rowid, headline, lead, body, place)
            VALUES (new.Id, new.Headline, new.Lead, new.Body, new.Place);
        END;
        CREATE TRIGGER ArticleSearch_AfterDelete AFTER DELETE ON Articles BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, headline, lead, body, place)
            VALUES ('delete', old.Id, old.Headline, old.Lead, old.Body, old.Place);
        END;
        CREATE TRIGGER ArticleSearch_AfterUpdate AFTER UPDATE OF Headline, Lead, Body, Place ON Articles BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, headline, lead, body, place)
            VALUES ('delete', old.Id, old.Headline, old.Lead, old.Body, old.Place);
            INSERT INTO ArticleSearch(rowid, headline, lead, body, place)
            VALUES (new.Id, new.Headline, new.Lead, new.Body, new.Place);
        END;
        """;

    /// <summary>Indexes the rows that existed before the index did.</summary>
    public const string Rebuild = "INSERT INTO ArticleSearch(ArticleSearch) VALUES ('rebuild');";

    public const string Drop = """
        DROP TRIGGER IF EXISTS ArticleSearch_AfterInsert;
        DROP TRIGGER IF EXISTS ArticleSearch_AfterDelete;
        DROP TRIGGER IF EXISTS ArticleSearch_AfterUpdate;
        DROP TABLE IF EXISTS ArticleSearch;
        """;
}
