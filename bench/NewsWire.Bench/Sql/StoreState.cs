using Microsoft.Data.Sqlite;
using NewsWire.Core.Articles;

namespace NewsWire.Bench.Sql;

/// <summary>
/// What ArticleWriter asks the database before each insert (is the content hash taken, which slugs are taken,
/// which stored story is a near-duplicate), kept in memory so that the generated SQL holds exactly the rows
/// NewsWire would store, without the statements that ask. Starts from the rows already in the database (the
/// seed), as the service would.
/// </summary>
internal sealed class StoreState
{
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private readonly Dictionary<long, byte[]> _signatures = [];
    private readonly Dictionary<long, long?> _duplicateOf = [];
    private readonly Dictionary<long, List<long>> _bands = [];

    public long NextId { get; private set; } = 1;

    public static StoreState Load(string database)
    {
        var state = new StoreState();
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.Id, a.Slug, a.ContentHash, a.DuplicateOfId, s.MinHash FROM Articles a LEFT JOIN ArticleSignatures s ON s.ArticleId = a.Id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            state._slugs.Add(reader.GetString(1));
            state._hashes.Add(reader.GetString(2));
            state._duplicateOf[id] = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            if (!reader.IsDBNull(4))
            {
                state.AddSignature(id, (byte[])reader.GetValue(4), NearDuplicates.BandKeys((byte[])reader.GetValue(4)));
            }

            state.NextId = Math.Max(state.NextId, id + 1);
        }

        return state;
    }

    /// <summary>False for an exact duplicate, which ArticleWriter does not store.</summary>
    public bool TryAddHash(string hash) => _hashes.Add(hash);

    /// <summary>As ArticleWriter.UniqueSlug: the slug, or the first free "slug-2", "slug-3"…</summary>
    public string UniqueSlug(string slug)
    {
        var candidate = slug;
        for (var suffix = 2; !_slugs.Add(candidate); suffix++)
        {
            candidate = $"{slug}-{suffix}";
        }

        return candidate;
    }

    /// <summary>As ArticleWriter.FindNearDuplicate: the root of the most similar candidate at or above the threshold.</summary>
    public long? FindNearDuplicate(byte[] signature, long[] keys)
    {
        long? best = null;
        var bestSimilarity = NearDuplicates.Threshold;
        foreach (var candidate in keys.SelectMany(k => _bands.TryGetValue(k, out var ids) ? ids : []).Distinct())
        {
            var similarity = NearDuplicates.Similarity(signature, _signatures[candidate]);
            if (similarity >= bestSimilarity)
            {
                bestSimilarity = similarity;
                best = _duplicateOf[candidate] ?? candidate;
            }
        }

        return best;
    }

    public long Add(long? duplicateOf, byte[] signature, long[] keys)
    {
        var id = NextId++;
        _duplicateOf[id] = duplicateOf;
        AddSignature(id, signature, keys);
        return id;
    }

    private void AddSignature(long id, byte[] signature, long[] keys)
    {
        _signatures[id] = signature;
        foreach (var key in keys.Distinct())
        {
            if (!_bands.TryGetValue(key, out var ids))
            {
                _bands[key] = ids = [];
            }

            ids.Add(id);
        }
    }
}
