using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Bench.Corpus;
using NewsWire.Bench.Search;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Bench.Sql;

/// <summary>
/// The sqlite3 baseline for import: the INSERTs NewsWire executes for a corpus, in every table it writes
/// (Articles, ArticleTags, ArticleSignatures, ArticleBands; the triggers fill ArticleChanges), as plain SQL in
/// one transaction for <c>sqlite3 db &lt; inserts.sql</c>. They are not written by hand: the service's own
/// ArticleWriter stores the corpus once in a scratch copy of the migrated database, in batches of 500 as the
/// import does, over a connection that records each statement; the INSERTs are kept with their bound values
/// written in as literals. So the two imports store the same rows, and what the baseline leaves out is
/// exactly NewsWire's own work: parsing JSON, hashing, and the look-ups for duplicates and slugs.
/// </summary>
internal static partial class InsertScript
{
    private const int BatchSize = 500;

    public static int Write(string corpus, string template, string scratch, TextWriter sql)
    {
        File.Copy(template, scratch, overwrite: true);
        using var connection = new RecordingConnection($"Data Source={scratch};Pooling=False");
        connection.Open();
        var now = DateTime.UtcNow;
        var articles = 0;

        // The same per-connection pragmas as the service (SqlitePragmas); WAL is already set in the file.
        sql.WriteLine("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        sql.WriteLine("BEGIN IMMEDIATE;");
        foreach (var batch in File.ReadLines(corpus).Where(l => l.Length > 0).Chunk(BatchSize))
        {
            using (var transaction = connection.BeginTransaction())
            using (var writer = new ArticleWriter(connection, transaction, t => SqliteTime.Format(t)))
            {
                foreach (var line in batch)
                {
                    var draft = ArticleJson.ToDraft(Encoding.UTF8.GetBytes(line), CorpusLine.Json, now).Draft
                        ?? throw new InvalidDataException($"Not an article: {line[..Math.Min(line.Length, 200)]}");
                    articles += writer.Create(draft, now).Created ? 1 : 0;
                }

                transaction.Commit();
            }

            foreach (var statement in connection.Recorded.Where(s => s.Sql.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)))
            {
                sql.Write(Inline(statement));
                sql.WriteLine(';');
            }

            connection.Recorded.Clear();
        }

        sql.WriteLine("COMMIT;");
        return articles;
    }

    /// <summary>The statement with each $ or @ parameter replaced by its value as an SQL literal.</summary>
    private static string Inline(CapturedStatement statement)
    {
        var values = statement.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return ParameterName().Replace(statement.Sql.Trim().TrimEnd(';'), m => values.TryGetValue(m.Value, out var value) ? Literal(value) : m.Value);
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        bool flag => flag ? "1" : "0",
        double or float or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IConvertible number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No SQL literal for a {value.GetType()}"),
    };

    [GeneratedRegex(@"[$@][A-Za-z0-9_]+")]
    private static partial Regex ParameterName();
}
