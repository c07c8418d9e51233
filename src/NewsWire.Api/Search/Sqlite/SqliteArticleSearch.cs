using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Storage.Sqlite;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search.Sqlite;

/// <summary>
/// Search on SQLite FTS5 (<c>ArticleSearch</c>, an external-content index over Articles; see the
/// AddFullTextSearch migration). The user's query reaches MATCH only as the typed query rendered with every
/// term quoted, and only as a bound parameter. One command answers the count and the page of hits; facets,
/// when asked for, take a second. Before them the query's prefixes are counted against the budget
/// (<see cref="SqlitePrefixExpansion"/>), and all of it stops once the token is cancelled
/// (<see cref="SqliteCancellation"/>).
/// </summary>
internal sealed class SqliteArticleSearch(NewsWireDb db, IOptions<SearchBudget> budget) : IArticleSearch
{
    private const int SnippetTokens = 24;
    private const int FacetValues = 20;
    private const char TagSeparator = '\u001F';
    private const string JoinArticles = "JOIN Articles a ON a.Id = s.rowid";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var watch = SqliteCancellation.Watch(connection, cancellationToken);
            await SqlitePrefixExpansion.CheckAsync(connection, request.Query, budget.Value.MaxWordsPerPrefix, cancellationToken);
            var match = Fts5Renderer.Render(request.Query);
            var (total, hits) = await HitsAsync(connection, match, request, cancellationToken);
            var facets = request.Facets.Count == 0 ? null : await FacetsAsync(connection, match, request, cancellationToken);
            return new SearchPage(total, hits, facets);
        }
        catch (SqliteException stopped) when (SqliteCancellation.Stopped(stopped, cancellationToken))
        {
            throw new OperationCanceledException("The search was stopped while its statement ran.", stopped, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(int Total, List<SearchHit> Hits)> HitsAsync(
        SqliteConnection connection, string match, SearchRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var filters = SqliteFilterSql.Where(request.Filter, command);
        // Articles is joined only where its columns are read: by a filter, or to order by time.
        var filterReadsArticles = SqliteFilterSql.NeedsArticleColumns(request.Filter);
        var filterJoin = FilterJoin(request.Filter);
        var pageJoin = request.Sort == SearchSort.Relevance ? filterJoin : JoinArticles;
        var (pageRank, pageOrder, outerRank, outerOrder) = request.Sort switch
        {
            // Two ways to the same scores. FTS5's rank column: FTS5 scores and sorts every match itself and
            // hands them over best first, so a join that filters on article columns stops probing rows once
            // the page is full. The bm25() expression: SQLite filters first and keeps only the best rows as
            // it scores, cheaper when no article row is needed (at 1M articles, oil: 172 -> 131 ms).
            SearchSort.Relevance when filterReadsArticles => ("s.rank", "s.rank", "page.Rank", "Rank"),
            // Equal scores (copies of one story) fall back to the newest first, so pages are stable.
            SearchSort.Relevance => (FullTextIndexSql.Relevance, "Rank, s.rowid DESC", "page.Rank", "Rank, a.Id DESC"),
            // Ordered by time, only the page's rows are scored, in stage two.
            SearchSort.Newest => ("NULL", "a.PublishedAt DESC, a.Id DESC", FullTextIndexSql.Relevance, "a.PublishedAt DESC, a.Id DESC"),
            _ => ("NULL", "a.PublishedAt, a.Id", FullTextIndexSql.Relevance, "a.PublishedAt, a.Id"),
        };

        // Stage one picks the page by id; stage two reads short columns, highlights and snippets for those
        // rows only, so a page never reads the body of an article it does not show.
        command.CommandText = $"""
            SELECT count(*) FROM ArticleSearch s {filterJoin}
            WHERE ArticleSearch MATCH $match{filters};

            WITH page AS (
                SELECT s.rowid AS Id, {pageRank} AS Rank
                FROM ArticleSearch s {pageJoin}
                WHERE ArticleSearch MATCH $match{filters}
                ORDER BY {pageOrder}
                LIMIT $limit OFFSET $offset)
            SELECT a.Id, a.Slug, a.Source, a.Headline, a.Lead, a.Place, a.PublishedAt, a.Lang, a.WordCount, a.Url,
                   {outerRank} AS Rank,
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
        command.Parameters.AddWithValue("$limit", request.Limit);
        command.Parameters.AddWithValue("$offset", request.Offset);
        command.Parameters.AddWithValue("$open", Highlights.OpenSentinel.ToString());
        command.Parameters.AddWithValue("$close", Highlights.CloseSentinel.ToString());

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);

        var hits = new List<SearchHit>(request.Limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(ReadHit(reader));
        }

        return (total, hits);
    }

    private static SearchHit ReadHit(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Slug = reader.GetString(1),
        Source = reader.IsDBNull(2) ? null : reader.GetString(2),
        Headline = reader.GetString(3),
        Lead = reader.IsDBNull(4) ? null : reader.GetString(4),
        Place = reader.IsDBNull(5) ? null : reader.GetString(5),
        PublishedAt = DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
        Lang = reader.GetString(7),
        WordCount = reader.GetInt32(8),
        Url = reader.IsDBNull(9) ? null : reader.GetString(9),
        // FTS5's bm25 is lower-is-better; the API's score is higher-is-better.
        Score = -reader.GetDouble(10),
        Highlights = new SearchHighlights
        {
            Headline = Highlights.ToHtml(reader.GetString(11), Highlights.OpenSentinel, Highlights.CloseSentinel),
            Snippet = Highlights.ToHtml(reader.IsDBNull(12) ? "" : reader.GetString(12), Highlights.OpenSentinel, Highlights.CloseSentinel),
        },
        Tags = reader.IsDBNull(13) ? [] : reader.GetString(13).Split(TagSeparator).Order(StringComparer.OrdinalIgnoreCase).ToList(),
    };

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>> FacetsAsync(
        SqliteConnection connection, string match, SearchRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var filters = SqliteFilterSql.Where(request.Filter, command);
        var join = FilterJoin(request.Filter);
        var arms = request.Facets.Select(facet => facet switch
        {
            Facet.Source => Arm("source", "a.Source", "Articles a ON a.Id = m.Id", "a.Source IS NOT NULL"),
            Facet.Place => Arm("place", "a.Place", "Articles a ON a.Id = m.Id", "a.Place IS NOT NULL"),
            Facet.Tag => Arm("tag", "t.Name", "ArticleTags t ON t.ArticleId = m.Id", "1"),
            _ => Arm("month", "substr(a.PublishedAt, 1, 7)", "Articles a ON a.Id = m.Id", "1"),
        });

        // The match set is computed once (MATERIALIZED) and counted by each facet; values that differ only
        // in case count together, under the spelling seen first.
        command.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT s.rowid AS Id FROM ArticleSearch s {join}
                WHERE ArticleSearch MATCH $match{filters})
            {string.Join("\nUNION ALL\n", arms)};
            """;
        command.Parameters.AddWithValue("$match", match);

        var facets = request.Facets.ToDictionary(f => f.ToString().ToLowerInvariant(), _ => new List<FacetValue>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facets[reader.GetString(0)].Add(new FacetValue { Value = reader.GetString(1), Count = reader.GetInt32(2) });
        }

        return facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValue>)f.Value);
    }

    /// <summary>Articles joined only where a filter reads its columns.</summary>
    private static string FilterJoin(ArticleFilter filter) => SqliteFilterSql.NeedsArticleColumns(filter) ? JoinArticles : "";

    private static string Arm(string name, string value, string join, string condition) => $"""
        SELECT * FROM (
            SELECT '{name}', min({value}), count(*) AS n FROM m JOIN {join}
            WHERE {condition} GROUP BY {value} COLLATE NOCASE ORDER BY n DESC, 2 LIMIT {FacetValues})
        """;
}
