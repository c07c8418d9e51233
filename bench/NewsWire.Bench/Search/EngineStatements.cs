using System.Text;
using Microsoft.Data.Sqlite;
using NewsWire.Core.Search;

namespace NewsWire.Bench.Search;

/// <summary>
/// The statements SqliteArticleSearch sends for a search (hits and count in one command, facets in a second),
/// written out for a <see cref="SearchCase"/>. They are a copy: the service builds them privately. If the
/// service's SQL changes, change it here too (docs/benchmarks.md says so); the report checks that the engine
/// and HTTP agree on every case's total, which catches a copy that drifted in what it matches.
/// </summary>
internal static class EngineStatements
{
    private const int SnippetTokens = 24;
    private const int FacetValues = 20;

    public static string Match(SearchCase search) =>
        Fts5Renderer.Render(SearchQueryParser.Parse(search.Q).Query ?? throw new ArgumentException($"Bad query in the mix: {search.Q}"));

    public static SqliteCommand Hits(SqliteConnection connection, SearchCase search, string match)
    {
        var command = connection.CreateCommand();
        var filters = Filters(search, command);
        var (pageOrder, outerOrder) = search.Sort switch
        {
            "relevance" => ("s.rank", "page.Rank"),
            "newest" => ("a.PublishedAt DESC, a.Id DESC", "a.PublishedAt DESC, a.Id DESC"),
            _ => ("a.PublishedAt, a.Id", "a.PublishedAt, a.Id"),
        };
        command.CommandText = $"""
            SELECT count(*) FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
            WHERE ArticleSearch MATCH $match{filters};

            WITH page AS (
                SELECT s.rowid AS Id, s.rank AS Rank
                FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
                WHERE ArticleSearch MATCH $match{filters}
                ORDER BY {pageOrder}
                LIMIT $limit OFFSET $offset)
            SELECT a.Id, a.Slug, a.Source, a.Headline, a.Lead, a.Place, a.PublishedAt, a.Lang, a.WordCount, a.Url,
                   page.Rank,
                   highlight(ArticleSearch, 0, $open, $close),
                   snippet(ArticleSearch, 2, $open, $close, '…', {SnippetTokens}),
                   (SELECT group_concat(t.Name, char(31)) FROM ArticleTags t WHERE t.ArticleId = a.Id)
            FROM page
            JOIN ArticleSearch s ON s.rowid = page.Id
            JOIN Articles a ON a.Id = page.Id
            WHERE ArticleSearch MATCH $match
            ORDER BY {outerOrder};
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", search.Limit);
        command.Parameters.AddWithValue("$offset", search.Offset);
        command.Parameters.AddWithValue("$open", Highlights.OpenSentinel.ToString());
        command.Parameters.AddWithValue("$close", Highlights.CloseSentinel.ToString());
        return command;
    }

    public static SqliteCommand? Facets(SqliteConnection connection, SearchCase search, string match)
    {
        if (search.Facets.Count == 0)
        {
            return null;
        }

        var command = connection.CreateCommand();
        var filters = Filters(search, command);
        var arms = search.Facets.Select(facet => facet switch
        {
            "source" => Arm("source", "a.Source", "Articles a ON a.Id = m.Id", "a.Source IS NOT NULL"),
            "place" => Arm("place", "a.Place", "Articles a ON a.Id = m.Id", "a.Place IS NOT NULL"),
            "tag" => Arm("tag", "t.Name", "ArticleTags t ON t.ArticleId = m.Id", "1"),
            _ => Arm("month", "substr(a.PublishedAt, 1, 7)", "Articles a ON a.Id = m.Id", "1"),
        });
        command.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT s.rowid AS Id FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
                WHERE ArticleSearch MATCH $match{filters})
            {string.Join("\nUNION ALL\n", arms)};
            """;
        command.Parameters.AddWithValue("$match", match);
        return command;
    }

    /// <summary>SqliteFilterSql.Where for the filters the mix uses: hidden duplicates, place, tag, from, to.</summary>
    private static string Filters(SearchCase search, SqliteCommand command)
    {
        var sql = new StringBuilder(" AND a.DuplicateOfId IS NULL");
        if (search.Places.Count > 0)
        {
            sql.Append(" AND a.Place IN (").AppendJoin(", ", search.Places.Select((_, i) => $"$place{i}")).Append(')');
            for (var i = 0; i < search.Places.Count; i++)
            {
                command.Parameters.AddWithValue($"$place{i}", search.Places[i]);
            }
        }

        if (search.Tags.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM ArticleTags t WHERE t.ArticleId = a.Id AND t.Name IN (")
                .AppendJoin(", ", search.Tags.Select((_, i) => $"$tag{i}")).Append("))");
            for (var i = 0; i < search.Tags.Count; i++)
            {
                command.Parameters.AddWithValue($"$tag{i}", search.Tags[i]);
            }
        }

        if (search.From is { } from)
        {
            sql.Append(" AND a.PublishedAt >= $from");
            command.Parameters.AddWithValue("$from", Day(from));
        }

        if (search.To is { } to)
        {
            sql.Append(" AND a.PublishedAt < $to");
            command.Parameters.AddWithValue("$to", Day(to.AddDays(1)));
        }

        return sql.ToString();
    }

    /// <summary>Midnight UTC in the stored text form, bound as the service binds it.</summary>
    private static string Day(DateOnly day) => NewsWire.Api.Data.SqliteTime.Format(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static string Arm(string name, string value, string join, string condition) => $"""
        SELECT * FROM (
            SELECT '{name}', min({value}), count(*) AS n FROM m JOIN {join}
            WHERE {condition} GROUP BY {value} COLLATE NOCASE ORDER BY n DESC, 2 LIMIT {FacetValues})
        """;
}
