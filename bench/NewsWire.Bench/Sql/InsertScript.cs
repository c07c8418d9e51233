using System.Globalization;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Core.Articles;
using NewsWire.Core.Text;
using NewsWire.Bench.Corpus;

namespace NewsWire.Bench.Sql;

/// <summary>
/// The sqlite3 baseline for import: the rows NewsWire stores for a corpus, in all four tables (Articles,
/// ArticleTags, ArticleSignatures, ArticleBands; the triggers fill ArticleSearch), as plain INSERTs in one
/// transaction for <c>sqlite3 db &lt; inserts.sql</c>. Every value is computed by the service's own code
/// (ArticleJson, ContentHash, Slugs, NearDuplicates, SectionLayouts, PlainText), so the two databases hold the
/// same rows; what the baseline leaves out is exactly what NewsWire does beyond storing them (parsing JSON,
/// hashing, and the look-ups for duplicates and slugs).
/// </summary>
internal static class InsertScript
{
    public static (int Written, int Duplicates) Write(string corpus, string database, TextWriter sql)
    {
        var state = StoreState.Load(database);
        var now = DateTime.UtcNow;
        var stamp = Text(SqliteTime.Format(now));
        int written = 0, duplicates = 0;

        // The same per-connection pragmas as the service (SqlitePragmas); WAL is already set in the file.
        sql.WriteLine("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        sql.WriteLine("BEGIN IMMEDIATE;");
        foreach (var line in File.ReadLines(corpus))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var draft = ArticleJson.ToDraft(Encoding.UTF8.GetBytes(line), CorpusLine.Json, now).Draft
                ?? throw new InvalidDataException($"Not an article: {line[..Math.Min(line.Length, 200)]}");
            var paragraphs = draft.Sections.SelectMany(s => s.Paragraphs).ToList();
            var hash = ContentHash.Compute(draft.Source, draft.Headline, paragraphs);
            if (!state.TryAddHash(hash))
            {
                duplicates++;
                continue;
            }

            var signature = NearDuplicates.Signature(paragraphs);
            var keys = NearDuplicates.BandKeys(signature);
            var duplicateOf = state.FindNearDuplicate(signature, keys);
            var slug = state.UniqueSlug(Slugs.FromHeadline(draft.Headline, ArticleLimits.Slug - 8));
            var id = state.Add(duplicateOf, signature, keys);

            sql.Write("INSERT INTO Articles (Id, Slug, Source, Headline, Lead, Place, Dateline, Section, PublishedAt, Lang, Url, ");
            sql.Write("ExternalId, WordCount, ContentHash, DuplicateOfId, CreatedAt, UpdatedAt, SectionLayout, Body) VALUES (");
            sql.Write(string.Join(", ",
                Number(id), Text(slug), Text(draft.Source), Text(draft.Headline), Text(draft.Lead), Text(draft.Place), Text(draft.Dateline),
                Text(draft.Section), Text(SqliteTime.Format(draft.PublishedAt)), Text(draft.Lang), Text(draft.Url), Text(draft.ExternalId),
                Number(PlainText.CountWords(paragraphs)), Text(hash), duplicateOf is { } d ? Number(d) : "NULL", stamp, stamp,
                Text(SectionLayouts.Serialize(draft.Sections)), Text(string.Join("\n\n", paragraphs))));
            sql.WriteLine(");");
            foreach (var tag in draft.Tags)
            {
                sql.WriteLine($"INSERT OR IGNORE INTO ArticleTags (ArticleId, Name) VALUES ({Number(id)}, {Text(tag)});");
            }

            sql.WriteLine($"INSERT INTO ArticleSignatures (ArticleId, MinHash) VALUES ({Number(id)}, X'{Convert.ToHexString(signature)}');");
            foreach (var key in keys)
            {
                sql.WriteLine($"INSERT OR IGNORE INTO ArticleBands (Key, ArticleId) VALUES ({Number(key)}, {Number(id)});");
            }

            written++;
        }

        sql.WriteLine("COMMIT;");
        return (written, duplicates);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
