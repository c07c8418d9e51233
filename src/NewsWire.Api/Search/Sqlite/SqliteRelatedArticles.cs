using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Search;
using NewsWire.Core.Articles;
using NewsWire.Core.Search;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Search.Sqlite;

/// <summary>
/// More like this on FTS5 (ADR 13): the article's most distinctive words (<see cref="MoreLikeThis"/>, with
/// their document frequencies counted by the index, each count stopped early), ORed and ranked by the
/// search's BM25; the best <see cref="Pool"/> are then raised by half for each shared tag and by a tenth
/// for the same place. Candidates are the
/// visible articles other than the story's root, and a MinHash check drops any that is a near-duplicate all
/// the same (two repeats of a deleted original are no longer linked to anything).
/// </summary>
internal sealed class SqliteRelatedArticles(NewsWireDb db, DocumentFrequencies known) : IRelatedArticles
{
    /// <summary>How many matches the query may score: what bounds its cost at any size of archive
    /// (docs/benchmarks.md has what it costs and what a larger one would buy).</summary>
    private const int MatchBudget = 12_000;
    private const int Pool = 50;
    private const double TagBoost = 0.5;
    private const double PlaceBoost = 0.1;

    public async Task<IReadOnlyList<long>> FindAsync(Article article, int limit, CancellationToken cancellationToken)
    {
        var candidates = MoreLikeThis.Candidates(article.Headline, article.Lead, article.Body);
        if (candidates.Count == 0)
        {
            return [];
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (documents, frequencies) = await FrequenciesAsync(connection, candidates, cancellationToken);
            var words = MoreLikeThis.Choose(frequencies, documents, MatchBudget);
            if (words.Count == 0)
            {
                return [];
            }

            var ranked = await RankAsync(connection, article, Fts5Renderer.Render(MoreLikeThis.Query(words)), cancellationToken);
            var repeats = await NearDuplicatesAsync(connection, article.Id, ranked, cancellationToken);
            return ranked.Where(id => !repeats.Contains(id)).Take(limit).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// How many articles hold each word, counted only as far as a word may go and still be chosen (FTS5
    /// reads a word's entries lazily, so a word every story uses costs what a rare one does), and each word
    /// once per database version.
    /// </summary>
    private async Task<(long Documents, List<TermFrequency> Frequencies)> FrequenciesAsync(
        SqliteConnection connection, IReadOnlyList<TermCandidate> candidates, CancellationToken cancellationToken)
    {
        var counts = known.Current();
        var missing = candidates.Where(c => !counts.ContainsKey(c.Word)).ToList();
        await using var command = connection.CreateCommand();
        // The highest id stands in for the number of articles: exact enough to weigh words, and free.
        var sql = new StringBuilder("SELECT coalesce(max(Id), 0) FROM Articles;\n");
        for (var i = 0; i < missing.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT 1 FROM ArticleSearch WHERE ArticleSearch MATCH $t{i} LIMIT $cap);\n");
            command.Parameters.AddWithValue($"$t{i}", Fts5Renderer.Render(MoreLikeThis.Query([missing[i].Word])));
        }

        command.CommandText = sql.ToString();
        command.Parameters.AddWithValue("$cap", MoreLikeThis.MaxWordMatches(MatchBudget) + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var documents = reader.GetInt64(0);
        foreach (var candidate in missing)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            counts[candidate.Word] = reader.GetInt64(0);
        }

        return (documents, candidates.Select(c => new TermFrequency(c, counts[c.Word])).ToList());
    }

    /// <summary>The pool by BM25 (SQLite keeps only the best rows while scoring), then boosted and re-ordered.</summary>
    private static async Task<List<long>> RankAsync(SqliteConnection connection, Article article, string match, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var tags = article.Tags.Select(t => t.Name).ToList();
        var sharedTags = tags.Count == 0 ? "0" : $"""
            (SELECT count(*) FROM ArticleTags t WHERE t.ArticleId = p.Id
             AND t.Name IN ({string.Join(", ", tags.Select((_, i) => $"$tag{i}"))}))
            """;
        for (var i = 0; i < tags.Count; i++)
        {
            command.Parameters.AddWithValue($"$tag{i}", tags[i]);
        }

        command.CommandText = $"""
            WITH pool AS MATERIALIZED (
                SELECT s.rowid AS Id, {FullTextIndexSql.Relevance} AS Rank
                FROM ArticleSearch s
                WHERE ArticleSearch MATCH $match AND s.rowid <> $root
                  AND s.rowid NOT IN (SELECT Id FROM Articles WHERE DuplicateOfId IS NOT NULL)
                ORDER BY Rank
                LIMIT {Pool})
            SELECT p.Id, -p.Rank * (1 + $tagBoost * {sharedTags} + $placeBoost * coalesce(a.Place = $place, 0)) AS Score
            FROM pool p JOIN Articles a ON a.Id = p.Id
            ORDER BY Score DESC, a.PublishedAt DESC, a.Id DESC;
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$tagBoost", TagBoost);
        command.Parameters.AddWithValue("$placeBoost", PlaceBoost);
        command.Parameters.AddWithValue("$root", article.DuplicateOfId ?? article.Id);
        command.Parameters.AddWithValue("$place", (object?)article.Place ?? DBNull.Value);

        var ranked = new List<long>(Pool);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(reader.GetInt64(0));
        }

        return ranked;
    }

    private static async Task<HashSet<long>> NearDuplicatesAsync(
        SqliteConnection connection, long articleId, List<long> ranked, CancellationToken cancellationToken)
    {
        var repeats = new HashSet<long>();
        if (ranked.Count == 0)
        {
            return repeats;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT ArticleId, MinHash FROM ArticleSignatures WHERE ArticleId IN ($self, {string.Join(", ", ranked.Select(id => id.ToString(CultureInfo.InvariantCulture)))});";
        command.Parameters.AddWithValue("$self", articleId);
        var signatures = new Dictionary<long, byte[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                signatures[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
            }
        }

        if (signatures.Remove(articleId, out var own))
        {
            repeats.UnionWith(signatures.Where(s => NearDuplicates.Similarity(own, s.Value) >= NearDuplicates.Threshold).Select(s => s.Key));
        }

        return repeats;
    }
}
