using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NewsWire.Bench.Report;

/// <summary>
/// Evidence that the two imports stored the same thing: row counts of all five tables and a hash over every
/// article's id, slug, content hash, duplicate link, date and word count, tags, signatures, bands and change-log
/// entries (position, article, kind). Only CreatedAt/UpdatedAt and ChangedAt, the import's clock, are left out.
/// </summary>
internal static class RowCheck
{
    public static string Fingerprint(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new List<string>();
        foreach (var (table, sql) in new[]
        {
            ("Articles", "SELECT Id, Slug, ContentHash, DuplicateOfId, PublishedAt, WordCount, Place, Lead, SectionLayout FROM Articles ORDER BY Id"),
            ("ArticleTags", "SELECT ArticleId, Name FROM ArticleTags ORDER BY ArticleId, Name"),
            ("ArticleSignatures", "SELECT ArticleId, hex(MinHash) FROM ArticleSignatures ORDER BY ArticleId"),
            ("ArticleBands", "SELECT Key, ArticleId FROM ArticleBands ORDER BY ArticleId, Key"),
            ("ArticleChanges", "SELECT Position, ArticleId, Kind FROM ArticleChanges ORDER BY Position"),
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001F"));
                }
            }

            counts.Add($"{table} {rows}");
        }

        return string.Join(", ", counts) + "; sha256 " + Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
