using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NewsWire.Core.Search;
using NewsWire.Storage.Sqlite;
using SQLitePCL;

namespace NewsWire.Api.Search.Sqlite;

/// <summary>
/// Counts, before a search runs, how many words of the index each of its prefixes stands for, and refuses
/// one that stands for more than the budget allows. FTS5 answers a prefix by merging, in memory, the lists
/// of every word that starts with it, so <c>w*</c> over an archive of long articles merges thousands of them.
/// The count reads the index's vocabulary (an fts5vocab table: its words in order) from the prefix on and
/// stops one word past the budget, so it stays cheap however broad the prefix is.
/// </summary>
/// <remarks>
/// The index holds words as its tokenizer left them, folded and stemmed, and FTS5 stems a prefix before
/// expanding it: <c>refugees*</c> searches <c>refuge*</c>, and Porter can shorten a prefix a lot
/// (<c>aing*</c> searches <c>a*</c>). Rather than copy the tokenizer, each prefix's last token (the one the
/// star applies to) goes through a scratch FTS5 table with the index's tokenizer, in the connection's own
/// temp schema, and that table's vocabulary tells what the index will look for.
/// </remarks>
internal static class SqlitePrefixExpansion
{
    private const string CreateTables = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.ArticleSearchWords USING fts5vocab(main, 'ArticleSearch', 'row');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.PrefixStems USING fts5(token, tokenize = '{FullTextIndexSql.Tokenizer}');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.PrefixStemWords USING fts5vocab(temp, 'PrefixStems', 'instance');
        """;

    /// <summary>Every word that starts with <c>$stem</c>: U+10FFFF sorts after any character a word can continue with.</summary>
    private const string CountWords = """
        SELECT count(*) FROM (
            SELECT 1 FROM temp.ArticleSearchWords WHERE term >= $stem AND term <= $stem || char(1114111) LIMIT $limit);
        """;

    /// <summary>Native connections whose temp schema holds the tables; temp objects live as long as the connection.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    public static async Task CheckAsync(SqliteConnection connection, SearchQuery query, int maxWords, CancellationToken cancellationToken)
    {
        var prefixes = query.Prefixes.ToList();
        if (prefixes.Count == 0)
        {
            return;
        }

        await PrepareAsync(connection, cancellationToken);
        var stems = await StemsAsync(connection, prefixes, cancellationToken);

        await using var count = connection.CreateCommand();
        count.CommandText = CountWords;
        var stem = count.Parameters.Add("$stem", SqliteType.Text);
        count.Parameters.AddWithValue("$limit", maxWords + 1);
        foreach (var (index, word) in stems.DistinctBy(s => s.Value))
        {
            stem.Value = word;
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > maxWords)
            {
                throw SearchTooBroadException.PrefixTooBroad(prefixes[index], maxWords);
            }
        }
    }

    private static async Task PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        if (Prepared.TryGetValue(handle, out _))
        {
            return;
        }

        await using var create = connection.CreateCommand();
        create.CommandText = CreateTables;
        await create.ExecuteNonQueryAsync(cancellationToken);
        Prepared.TryAdd(handle, Prepared);
    }

    /// <summary>The word the index looks for, by the prefix's place in the query; none for a token the tokenizer drops.</summary>
    private static async Task<Dictionary<int, string>> StemsAsync(
        SqliteConnection connection, List<SearchTerm> prefixes, CancellationToken cancellationToken)
    {
        await using var stem = connection.CreateCommand();
        var rows = new List<string>();
        for (var i = 0; i < prefixes.Count; i++)
        {
            rows.Add($"({i}, $token{i})");
            stem.Parameters.AddWithValue($"$token{i}", prefixes[i].Tokens[^1]);
        }

        stem.CommandText = $"""
            DELETE FROM temp.PrefixStems;
            INSERT INTO temp.PrefixStems(rowid, token) VALUES {string.Join(", ", rows)};
            SELECT doc, term FROM temp.PrefixStemWords ORDER BY doc, offset;
            """;

        // Should the tokenizer cut a token in two where the parser saw one, the star applies to the last part.
        var stems = new Dictionary<int, string>();
        await using var reader = await stem.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stems[reader.GetInt32(0)] = reader.GetString(1);
        }

        return stems;
    }
}
