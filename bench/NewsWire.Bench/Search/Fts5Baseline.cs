using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Core.Search;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Bench.Search;

/// <summary>
/// FTS5 as NewsWire searched with it until Lucene replaced it (ADR 7, ADR 23), kept here only to compare the
/// engines on the same corpus: the service has no FTS5 table any more. <see cref="Prepare"/> copies the bench
/// database (SQLite's backup API) and builds on the copy the external-content index the service used to keep
/// (same tokenizer and weights); <see cref="Statements"/> writes each case of the mix as the service's FTS5
/// search wrote it: one command with the count and the page (highlights and snippets of the page's rows only),
/// and a second over the materialized match set for facets. The query is the service's own parse of the
/// request, rendered with every term quoted (<see cref="Fts5Renderer"/>).
/// </summary>
internal static class Fts5Baseline
{
    private const string Weights = "10.0, 4.0, 1.0, 2.0";
    private const string Relevance = $"bm25(ArticleSearch, {Weights})";
    private const string JoinArticles = "JOIN Articles a ON a.Id = s.rowid";

    /// <summary>A copy of <paramref name="database"/> beside it with the FTS5 index built; returns its path and how long the build took.</summary>
    public static (string Path, TimeSpan Build) Prepare(string database)
    {
        var copy = System.IO.Path.ChangeExtension(database, ".fts5.db");
        File.Delete(copy);
        using (var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            var clock = Stopwatch.StartNew();
            using var command = target.CreateCommand();
            command.CommandText = $"""
                DROP TABLE IF EXISTS ArticleSearch;
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    headline, lead, body, place, content='Articles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                INSERT INTO ArticleSearch(ArticleSearch) VALUES ('rebuild');
                """;
            command.ExecuteNonQuery();
            return (copy, clock.Elapsed);
        }
    }

    public static IReadOnlyList<CapturedStatement> Statements(SearchCase search)
    {
        var errors = new Dictionary<string, string[]>();
        var request = search.ToParameters().ToRequest(errors)
            ?? throw new ArgumentException($"The mix has a request the service refuses: {search.Url()}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        var match = Fts5Renderer.Render(request.Query);
        var statements = new List<CapturedStatement> { Page(request, match) };
        if (request.Facets.Count > 0)
        {
            statements.Add(Facets(request, match));
        }

        return statements;
    }

    private static CapturedStatement Page(SearchRequest request, string match)
    {
        var parameters = new List<(string, object?)>
        {
            ("$match", match), ("$limit", request.Limit), ("$offset", request.Offset),
            ("$open", Highlights.OpenSentinel.ToString()), ("$close", Highlights.CloseSentinel.ToString()),
        };
        var filters = Where(request.Filter, parameters);
        var filterJoin = ReadsArticles(request.Filter) ? JoinArticles : "";
        var pageJoin = request.Sort == SearchSort.Relevance ? filterJoin : JoinArticles;
        // FTS5's sorted rank column when a filter joins article rows (the join stops once the page is full),
        // the bm25() expression otherwise (SQLite keeps only the best rows as it scores); by time, only the page is scored.
        var (pageRank, pageOrder, outerRank, outerOrder) = request.Sort switch
        {
            SearchSort.Relevance when filterJoin.Length > 0 => ("s.rank", "s.rank", "page.Rank", "Rank"),
            SearchSort.Relevance => (Relevance, "Rank, s.rowid DESC", "page.Rank", "Rank, a.Id DESC"),
            SearchSort.Newest => ("NULL", "a.PublishedAt DESC, a.Id DESC", Relevance, "a.PublishedAt DESC, a.Id DESC"),
            _ => ("NULL", "a.PublishedAt, a.Id", Relevance, "a.PublishedAt, a.Id"),
        };
        return new CapturedStatement($"""
            SELECT count(*) FROM ArticleSearch s {filterJoin} WHERE ArticleSearch MATCH $match{filters};
            WITH page AS (
                SELECT s.rowid AS Id, {pageRank} AS Rank FROM ArticleSearch s {pageJoin}
                WHERE ArticleSearch MATCH $match{filters} ORDER BY {pageOrder} LIMIT $limit OFFSET $offset)
            SELECT a.Id, a.Slug, a.Source, a.Headline, a.Lead, a.Place, a.PublishedAt, a.Lang, a.WordCount, a.Url,
                   {outerRank} AS Rank, highlight(ArticleSearch, 0, $open, $close),
                   snippet(ArticleSearch, 2, $open, $close, '…', 24),
                   (SELECT group_concat(t.Name, char(31)) FROM ArticleTags t WHERE t.ArticleId = a.Id)
            FROM page JOIN ArticleSearch s ON s.rowid = page.Id JOIN Articles a ON a.Id = page.Id
            WHERE ArticleSearch MATCH $match ORDER BY {outerOrder};
            """, parameters);
    }

    private static CapturedStatement Facets(SearchRequest request, string match)
    {
        var parameters = new List<(string, object?)> { ("$match", match) };
        var filters = Where(request.Filter, parameters);
        var join = ReadsArticles(request.Filter) ? JoinArticles : "";
        var arms = request.Facets.Select(facet => facet switch
        {
            Facet.Source => Arm("source", "a.Source", "Articles a ON a.Id = m.Id", "a.Source IS NOT NULL"),
            Facet.Place => Arm("place", "a.Place", "Articles a ON a.Id = m.Id", "a.Place IS NOT NULL"),
            Facet.Tag => Arm("tag", "t.Name", "ArticleTags t ON t.ArticleId = m.Id", "1"),
            _ => Arm("month", "substr(a.PublishedAt, 1, 7)", "Articles a ON a.Id = m.Id", "1"),
        });
        return new CapturedStatement($"""
            WITH m AS MATERIALIZED (SELECT s.rowid AS Id FROM ArticleSearch s {join} WHERE ArticleSearch MATCH $match{filters})
            {string.Join("\nUNION ALL\n", arms)};
            """, parameters);
    }

    private static string Arm(string name, string value, string join, string condition) => $"""
        SELECT * FROM (SELECT '{name}', min({value}), count(*) AS n FROM m JOIN {join}
            WHERE {condition} GROUP BY {value} COLLATE NOCASE ORDER BY n DESC, 2 LIMIT 20)
        """;

    private static bool ReadsArticles(ArticleFilter filter) =>
        filter.From is not null || filter.ToExclusive is not null || filter.Values.Any(v => v.Field != ValueField.Tag);

    /// <summary>The listing filter as the FTS5 search wrote it; the columns' NOCASE collation ignores case.</summary>
    private static string Where(ArticleFilter filter, List<(string, object?)> parameters)
    {
        var sql = new StringBuilder();
        if (!filter.IncludeDuplicates)
        {
            sql.Append(" AND s.rowid NOT IN (SELECT Id FROM Articles WHERE DuplicateOfId IS NOT NULL)");
        }

        foreach (var (field, values) in filter.Values)
        {
            var name = field.ToString().ToLowerInvariant();
            var list = string.Join(", ", values.Select((v, i) => { parameters.Add(($"${name}{i}", v)); return $"${name}{i}"; }));
            sql.Append(field switch
            {
                ValueField.Source => $" AND a.Source IN ({list})",
                ValueField.Place => $" AND a.Place IN ({list})",
                ValueField.Lang => $" AND a.Lang IN ({list})",
                ValueField.Tag => $" AND EXISTS (SELECT 1 FROM ArticleTags t WHERE t.ArticleId = s.rowid AND t.Name IN ({list}))",
            });
        }

        if (filter.From is { } from)
        {
            sql.Append(" AND a.PublishedAt >= $from");
            parameters.Add(("$from", SqliteTime.Format(from)));
        }

        if (filter.ToExclusive is { } to)
        {
            sql.Append(" AND a.PublishedAt < $to");
            parameters.Add(("$to", SqliteTime.Format(to)));
        }

        return sql.ToString();
    }
}
