using System.Data.Common;
using NewsWire.Core.Articles;
using NewsWire.Core.Text;

namespace NewsWire.Storage;

/// <summary>
/// The writer behind <see cref="IArticleWriter"/> for every path and every provider: a single POST, a PUT, a
/// DELETE, bulk import over HTTP, the command-line import and the seed. Hand-written SQL in the dialect SQLite
/// and PostgreSQL share (quoted identifiers, <c>@</c> parameters, <c>RETURNING</c>, <c>ON CONFLICT DO
/// NOTHING</c>), each statement created once per writer and reused for every article of a batch, inside the
/// caller's transaction: bulk import runs at the speed of the engine, and exact and near-duplicates are decided
/// the same way whichever way a story arrives and whichever database stores it. The provider says how a time
/// is bound (<see cref="StoreTime"/>).
/// </summary>
public sealed partial class ArticleWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Func<DateTime, object> _time;
    private readonly Dictionary<string, DbCommand> _commands = [];

    /// <param name="connection">The open connection of the caller.</param>
    /// <param name="transaction">The caller's transaction, in which every statement runs.</param>
    /// <param name="time">How the provider binds a UTC time (SQLite: EF Core's text form; PostgreSQL: the value).</param>
    public ArticleWriter(DbConnection connection, DbTransaction transaction, Func<DateTime, object> time)
    {
        _connection = connection;
        _transaction = transaction;
        _time = time;
    }

    /// <summary>A time as the provider stores it.</summary>
    public object StoreTime(DateTime utc) => _time(utc);

    public WriteOutcome Create(ArticleDraft draft, DateTime now) => Create(PreparedArticle.From(draft), now);

    public WriteOutcome Create(PreparedArticle article, DateTime now)
    {
        if (Scalar<long?>("""SELECT "Id" FROM "Articles" WHERE "ContentHash" = @hash""", ("@hash", article.Hash)) is { } existing)
        {
            return new WriteOutcome(existing, false, null);
        }

        var draft = article.Draft;
        var duplicateOf = FindNearDuplicate(article.Signature, article.BandKeys, excludeId: null);
        var id = Insert(draft, article.Paragraphs, article.Hash, UniqueSlug(draft.Headline), duplicateOf, now);
        WriteTags(id, draft.Tags);
        WriteSignature(id, article.Signature, article.BandKeys);
        return new WriteOutcome(id, true, duplicateOf);
    }

    /// <summary>Replaces an article's content and recomputes its near-duplicate link. Nothing is written when
    /// the new content exactly duplicates another article, or when the article is not there (deleted meanwhile):
    /// its tags and signature would otherwise be inserted for a row that does not exist.</summary>
    public ReplaceOutcome Replace(long id, PreparedArticle article, DateTime now)
    {
        var (draft, paragraphs, hash, signature, keys) = article;
        if (Scalar<long?>("""SELECT "Id" FROM "Articles" WHERE "ContentHash" = @hash AND "Id" <> @id""", ("@hash", hash), ("@id", id)) is { } other)
        {
            return new ReplaceOutcome(true, other);
        }

        var duplicateOf = FindNearDuplicate(signature, keys, excludeId: id);
        if (!Update(id, draft, paragraphs, hash, duplicateOf, now))
        {
            return new ReplaceOutcome(false, null);
        }

        Execute("""DELETE FROM "ArticleTags" WHERE "ArticleId" = @id""", ("@id", id));
        Execute("""DELETE FROM "ArticleBands" WHERE "ArticleId" = @id""", ("@id", id));
        Execute("""DELETE FROM "ArticleSignatures" WHERE "ArticleId" = @id""", ("@id", id));
        WriteTags(id, draft.Tags);
        WriteSignature(id, signature, keys);
        return new ReplaceOutcome(true, null);
    }

    /// <summary>Deletes an article. Tags, signature and bands go with it (foreign keys cascade, ON in every
    /// connection), repeats are unlinked (SET NULL), and the change-log trigger records the deletion for the search index.</summary>
    public bool Delete(long id) => Execute("""DELETE FROM "Articles" WHERE "Id" = @id""", ("@id", id)) > 0;

    /// <summary>
    /// The most similar earlier story at or above the threshold, by its root: a repeat of a repeat points at
    /// the original, so a story and all its re-sends form one group.
    /// </summary>
    private long? FindNearDuplicate(byte[] signature, long[] keys, long? excludeId)
    {
        var command = Prepare("candidates", """
            SELECT DISTINCT s."ArticleId", s."MinHash", a."DuplicateOfId"
            FROM "ArticleBands" b
            JOIN "ArticleSignatures" s ON s."ArticleId" = b."ArticleId"
            JOIN "Articles" a ON a."Id" = b."ArticleId"
            WHERE b."Key" IN (@k0, @k1, @k2, @k3, @k4, @k5, @k6, @k7, @k8, @k9, @k10, @k11, @k12, @k13, @k14, @k15)
            """);
        for (var i = 0; i < keys.Length; i++)
        {
            command.Parameters[$"@k{i}"].Value = keys[i];
        }

        long? best = null;
        var bestSimilarity = NearDuplicates.Threshold;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var candidate = reader.GetInt64(0);
            if (candidate == excludeId)
            {
                continue;
            }

            var similarity = NearDuplicates.Similarity(signature, (byte[])reader.GetValue(1));
            if (similarity >= bestSimilarity)
            {
                bestSimilarity = similarity;
                best = reader.IsDBNull(2) ? candidate : reader.GetInt64(2);
            }
        }

        return best == excludeId ? null : best;
    }

    private long Insert(ArticleDraft draft, List<string> paragraphs, string hash, string slug, long? duplicateOf, DateTime now)
    {
        var command = Prepare("insert", """
            INSERT INTO "Articles" ("Slug", "Source", "Headline", "Lead", "Place", "Dateline", "Section", "PublishedAt", "Lang", "Url",
                "ExternalId", "WordCount", "ContentHash", "DuplicateOfId", "CreatedAt", "UpdatedAt", "SectionLayout", "Body", "Byline", "Credits")
            VALUES (@slug, @source, @headline, @lead, @place, @dateline, @section, @publishedAt, @lang, @url,
                @externalId, @wordCount, @hash, @duplicateOf, @now, @now, @layout, @body, @byline, @credits)
            RETURNING "Id"
            """);
        Bind(command, draft, paragraphs, hash, duplicateOf, now);
        command.Parameters["@slug"].Value = slug;
        return (long)command.ExecuteScalar()!;
    }

    private bool Update(long id, ArticleDraft draft, List<string> paragraphs, string hash, long? duplicateOf, DateTime now)
    {
        var command = Prepare("update", """
            UPDATE "Articles" SET "Source" = @source, "Headline" = @headline, "Lead" = @lead, "Place" = @place,
                "Dateline" = @dateline, "Section" = @section, "PublishedAt" = @publishedAt, "Lang" = @lang, "Url" = @url,
                "ExternalId" = @externalId, "WordCount" = @wordCount, "ContentHash" = @hash, "DuplicateOfId" = @duplicateOf,
                "UpdatedAt" = @now, "SectionLayout" = @layout, "Body" = @body, "Byline" = @byline, "Credits" = @credits
            WHERE "Id" = @id
            """);
        Bind(command, draft, paragraphs, hash, duplicateOf, now);
        command.Parameters["@id"].Value = id;
        return command.ExecuteNonQuery() > 0;
    }

    private void Bind(DbCommand command, ArticleDraft draft, List<string> paragraphs, string hash, long? duplicateOf, DateTime now)
    {
        command.Parameters["@source"].Value = (object?)draft.Source ?? DBNull.Value;
        command.Parameters["@headline"].Value = draft.Headline;
        command.Parameters["@lead"].Value = (object?)draft.Lead ?? DBNull.Value;
        command.Parameters["@place"].Value = (object?)draft.Place ?? DBNull.Value;
        command.Parameters["@dateline"].Value = (object?)draft.Dateline ?? DBNull.Value;
        command.Parameters["@section"].Value = (object?)draft.Section ?? DBNull.Value;
        command.Parameters["@publishedAt"].Value = _time(draft.PublishedAt);
        command.Parameters["@lang"].Value = draft.Lang;
        command.Parameters["@url"].Value = (object?)draft.Url ?? DBNull.Value;
        command.Parameters["@externalId"].Value = (object?)draft.ExternalId ?? DBNull.Value;
        command.Parameters["@wordCount"].Value = WordCount(paragraphs);
        command.Parameters["@hash"].Value = hash;
        command.Parameters["@duplicateOf"].Value = (object?)duplicateOf ?? DBNull.Value;
        command.Parameters["@now"].Value = _time(now);
        command.Parameters["@layout"].Value = SectionLayouts.Serialize(draft.Sections);
        command.Parameters["@body"].Value = Body(paragraphs);
        command.Parameters["@byline"].Value = (object?)draft.Byline ?? DBNull.Value;
        command.Parameters["@credits"].Value = (object?)draft.Credits ?? DBNull.Value;
    }

    /// <summary>All of an article's tags in one statement (one command per tag count, at most 50 of them).</summary>
    private void WriteTags(long id, IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        var command = Prepare($"tags{tags.Count}", $"""
            INSERT INTO "ArticleTags" ("ArticleId", "Name")
            VALUES {string.Join(", ", tags.Select((_, i) => $"(@id, @name{i})"))}
            ON CONFLICT DO NOTHING
            """);
        command.Parameters["@id"].Value = id;
        for (var i = 0; i < tags.Count; i++)
        {
            command.Parameters[$"@name{i}"].Value = tags[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The signature and its band keys in one command of two statements: one round trip instead of seventeen, which
    /// is what a bulk load on a database across a network spends its time on.
    /// </summary>
    private void WriteSignature(long id, byte[] signature, long[] keys)
    {
        var command = Prepare($"signature{keys.Length}", $"""
            INSERT INTO "ArticleSignatures" ("ArticleId", "MinHash") VALUES (@id, @minHash);
            INSERT INTO "ArticleBands" ("Key", "ArticleId")
            VALUES {string.Join(", ", keys.Select((_, i) => $"(@key{i}, @id)"))}
            ON CONFLICT DO NOTHING
            """);
        command.Parameters["@id"].Value = id;
        command.Parameters["@minHash"].Value = signature;
        for (var i = 0; i < keys.Length; i++)
        {
            command.Parameters[$"@key{i}"].Value = keys[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>The slug a headline asks for, before a suffix makes it unique (room is left for "-9999999").</summary>
    public static string BaseSlug(string headline) => Slugs.FromHeadline(headline, ArticleLimits.Slug - 8);

    /// <summary>The stored body: paragraphs separated by a blank line.</summary>
    public static string Body(List<string> paragraphs) => string.Join("\n\n", paragraphs);

    public static int WordCount(List<string> paragraphs) => PlainText.CountWords(paragraphs);

    /// <summary>The headline's slug, or the first free "slug-2", "slug-3"… when other stories have it.</summary>
    private string UniqueSlug(string headline)
    {
        var slug = BaseSlug(headline);
        if (Scalar<long?>("""SELECT 1 FROM "Articles" WHERE "Slug" = @slug""", ("@slug", slug)) is null)
        {
            return slug;
        }

        // Slugs "slug-…" sort between "slug-" and "slug." ('.' follows '-'): an index range, not a scan.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var command = Prepare("slugs", """SELECT "Slug" FROM "Articles" WHERE "Slug" > @from AND "Slug" < @to""");
        command.Parameters["@from"].Value = slug + "-";
        command.Parameters["@to"].Value = slug + ".";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                taken.Add(reader.GetString(0));
            }
        }

        var suffix = 2;
        while (taken.Contains($"{slug}-{suffix}"))
        {
            suffix++;
        }

        return $"{slug}-{suffix}";
    }
}
