using NewsWire.Core.Articles;
using Npgsql;
using NpgsqlTypes;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// A batch of new articles on PostgreSQL in a fixed number of round trips instead of five per article (ADR 25): what
/// <see cref="ArticleWriter.Create(PreparedArticle, DateTime)"/> asks the database one article at a time (is the hash
/// taken, which stored stories share a band key, is the slug free) is asked once for the whole batch, the answers are
/// completed in memory with the batch's own earlier articles, exactly as one-by-one writes would have seen them, and
/// the rows go in by binary <c>COPY</c>. It runs inside the caller's transaction, under the writers' advisory lock
/// (ADR 20), so nothing else writes between the questions and the rows, and the change-log trigger logs each row.
/// </summary>
internal sealed class PostgresBatchCreate(NpgsqlConnection connection)
{
    private const string ArticleColumns = """
        "Id", "Slug", "Source", "Headline", "Lead", "Place", "Dateline", "Section", "PublishedAt", "Lang", "Url",
        "ExternalId", "WordCount", "ContentHash", "DuplicateOfId", "CreatedAt", "UpdatedAt", "SectionLayout", "Body", "Byline", "Credits"
        """;

    public async Task<IReadOnlyList<WriteOutcome>> CreateAsync(IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[articles.Count];
        var fresh = await ExactDuplicatesAsync(articles, outcomes, cancellationToken);
        if (fresh.Count == 0)
        {
            return outcomes;
        }

        var ids = await ReserveIdsAsync(fresh.Count, cancellationToken);
        var rows = new List<Row>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            rows.Add(new Row(fresh[i].Index, ids[i], articles[fresh[i].Index]));
        }

        // An article repeating a hash taken earlier in the same batch is that one's exact duplicate.
        for (var i = 0; i < fresh.Count; i++)
        {
            foreach (var repeat in fresh[i].Repeats)
            {
                outcomes[repeat] = new WriteOutcome(rows[i].Id, false, null);
            }
        }

        await NearDuplicatesAsync(rows, cancellationToken);
        await SlugsAsync(rows, cancellationToken);
        await CopyArticlesAsync(rows, now, cancellationToken);
        await CopySignaturesAsync(rows, cancellationToken);
        await InsertTagsAsync(rows, cancellationToken);
        foreach (var row in rows)
        {
            outcomes[row.Index] = new WriteOutcome(row.Id, true, row.DuplicateOf);
        }

        return outcomes;
    }

    /// <summary>An article to store: where it is in the batch, its id, and what the batch decides for it.</summary>
    private sealed class Row(int index, long id, PreparedArticle article)
    {
        public int Index { get; } = index;
        public long Id { get; } = id;
        public PreparedArticle Article { get; } = article;
        public long? DuplicateOf { get; set; }
        public string Slug { get; set; } = "";
    }

    /// <summary>A first article of its hash in the batch, and the later ones of the batch with the same hash.</summary>
    private sealed record Fresh(int Index, List<int> Repeats);

    /// <summary>Fills the outcome of every article whose hash is stored already; returns the others, first of their
    /// hash in the batch, with the batch's repeats of each.</summary>
    private async Task<List<Fresh>> ExactDuplicatesAsync(IReadOnlyList<PreparedArticle> articles, WriteOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = Command("""SELECT "ContentHash", "Id" FROM "Articles" WHERE "ContentHash" = ANY(@hashes)"""))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("hashes", articles.Select(a => a.Hash).Distinct().ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var fresh = new List<Fresh>();
        var firstOfHash = new Dictionary<string, Fresh>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var hash = articles[i].Hash;
            if (stored.TryGetValue(hash, out var existing))
            {
                outcomes[i] = new WriteOutcome(existing, false, null);
            }
            else if (firstOfHash.TryGetValue(hash, out var first))
            {
                first.Repeats.Add(i);
            }
            else
            {
                var added = new Fresh(i, []);
                firstOfHash[hash] = added;
                fresh.Add(added);
            }
        }

        return fresh;
    }

    /// <summary>Ids from the column's own identity sequence, in order, so the batch's rows can name each other
    /// (a near-duplicate's original) and their tags, signatures and bands before they are copied.</summary>
    private async Task<long[]> ReserveIdsAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = Command("""SELECT nextval(pg_get_serial_sequence('"Articles"', 'Id')) FROM generate_series(1, @count)""");
        command.Parameters.Add(new NpgsqlParameter<int>("count", count));
        var ids = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        ids.Sort();
        return [.. ids];
    }

    /// <summary>
    /// Each row's most similar earlier story at or above the threshold, by its root (as <c>FindNearDuplicate</c>):
    /// the stored candidates sharing any of the batch's band keys come in one query, and each row then also sees
    /// the rows before it in the batch, which one-by-one writes would have stored by then.
    /// </summary>
    /// <remarks>
    /// The keys are looked up one by one in the band index (a lateral join over the array), in key order so that
    /// neighbouring lookups share index pages. Written as <c>"Key" = ANY(@keys)</c>, the planner judged a batch's
    /// 8,000 keys cheaper to find by reading the whole band table (16 rows per article) and hashing the articles'
    /// ids: every batch then cost time in proportion to the archive, and the import slowed as it grew (ADR 29).
    /// </remarks>
    private async Task NearDuplicatesAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<long, List<Candidate>>();
        await using (var command = Command("""
            SELECT b."Key", s."ArticleId", s."MinHash", a."DuplicateOfId"
            FROM unnest(@keys) AS k("Key")
            CROSS JOIN LATERAL (SELECT "Key", "ArticleId" FROM "ArticleBands" WHERE "Key" = k."Key") b
            JOIN "ArticleSignatures" s ON s."ArticleId" = b."ArticleId"
            JOIN "Articles" a ON a."Id" = b."ArticleId"
            """))
        {
            var keys = rows.SelectMany(r => r.Article.BandKeys).Distinct().Order().ToArray();
            command.Parameters.Add(new NpgsqlParameter<long[]>("keys", keys));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Candidates(byKey, reader.GetInt64(0)).Add(new Candidate(reader.GetInt64(1), (byte[])reader.GetValue(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3)));
            }
        }

        foreach (var row in rows)
        {
            var signature = row.Article.Signature;
            var seen = new HashSet<long>();
            Candidate? best = null;
            var bestSimilarity = NearDuplicates.Threshold;
            foreach (var key in row.Article.BandKeys)
            {
                if (!byKey.TryGetValue(key, out var candidates))
                {
                    continue;
                }

                foreach (var candidate in candidates.Where(c => seen.Add(c.Id)))
                {
                    var similarity = NearDuplicates.Similarity(signature, candidate.MinHash);
                    if (similarity >= bestSimilarity)
                    {
                        (best, bestSimilarity) = (candidate, similarity);
                    }
                }
            }

            row.DuplicateOf = best is null ? null : best.DuplicateOf ?? best.Id;
            var self = new Candidate(row.Id, signature, row.DuplicateOf);
            foreach (var key in row.Article.BandKeys)
            {
                Candidates(byKey, key).Add(self);
            }
        }
    }

    private sealed record Candidate(long Id, byte[] MinHash, long? DuplicateOf);

    private static List<Candidate> Candidates(Dictionary<long, List<Candidate>> byKey, long key)
    {
        if (!byKey.TryGetValue(key, out var list))
        {
            byKey[key] = list = [];
        }

        return list;
    }

    /// <summary>
    /// Unique slugs, as <c>UniqueSlug</c> gives them: the headline's, or the first free "slug-2", "slug-3"…. The
    /// stored slugs of every base in the batch come in one query (a base and its suffixed forms sort in
    /// [base, base + '.'), since slugs are letters, digits and hyphens and '-' is the only one of those below '.'),
    /// and each row also counts the slugs the rows before it took.
    /// </summary>
    private async Task SlugsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var bases = rows.Select(r => ArticleWriter.BaseSlug(r.Article.Draft.Headline)).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Command("""
            SELECT a."Slug"
            FROM unnest(@bases) AS b(slug)
            CROSS JOIN LATERAL (SELECT "Slug" FROM "Articles" WHERE "Slug" >= b.slug AND "Slug" < b.slug || '.') a
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("bases", bases.Distinct(StringComparer.Ordinal).ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add(reader.GetString(0));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var slug = bases[i];
            if (taken.Contains(slug))
            {
                var suffix = 2;
                while (taken.Contains($"{bases[i]}-{suffix}"))
                {
                    suffix++;
                }

                slug = $"{bases[i]}-{suffix}";
            }

            taken.Add(slug);
            rows[i].Slug = slug;
        }
    }

    /// <summary>The article rows, in id order; a near-duplicate may name a row earlier in the same copy (foreign
    /// keys are checked at the end of the statement). Strings go as text, which is also how citext and varchar
    /// read their binary input (their length limits still apply).</summary>
    private async Task CopyArticlesAsync(List<Row> rows, DateTime now, CancellationToken cancellationToken)
    {
        var stamp = Utc(now);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"""COPY "Articles" ({ArticleColumns}) FROM STDIN (FORMAT BINARY)""", cancellationToken);
        foreach (var row in rows)
        {
            var (draft, paragraphs, hash, _, _) = row.Article;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Slug, NpgsqlDbType.Text, cancellationToken);
            await TextAsync(copy, draft.Source, cancellationToken);
            await copy.WriteAsync(draft.Headline, NpgsqlDbType.Text, cancellationToken);
            await TextAsync(copy, draft.Lead, cancellationToken);
            await TextAsync(copy, draft.Place, cancellationToken);
            await TextAsync(copy, draft.Dateline, cancellationToken);
            await TextAsync(copy, draft.Section, cancellationToken);
            await copy.WriteAsync(Utc(draft.PublishedAt), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(draft.Lang, NpgsqlDbType.Text, cancellationToken);
            await TextAsync(copy, draft.Url, cancellationToken);
            await TextAsync(copy, draft.ExternalId, cancellationToken);
            await copy.WriteAsync(ArticleWriter.WordCount(paragraphs), NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(hash, NpgsqlDbType.Text, cancellationToken);
            if (row.DuplicateOf is { } original)
            {
                await copy.WriteAsync(original, NpgsqlDbType.Bigint, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(stamp, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(stamp, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(SectionLayouts.Serialize(draft.Sections), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(ArticleWriter.Body(paragraphs), NpgsqlDbType.Text, cancellationToken);
            await TextAsync(copy, draft.Byline, cancellationToken);
            await TextAsync(copy, draft.Credits, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static DateTime Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    private static async Task TextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    /// <summary>Signatures and their band keys (an article's keys once each: the row-by-row insert said ON
    /// CONFLICT DO NOTHING, which COPY cannot).</summary>
    private async Task CopySignaturesAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "ArticleSignatures" ("ArticleId", "MinHash") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(row.Id, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.Article.Signature, NpgsqlDbType.Bytea, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "ArticleBands" ("Key", "ArticleId") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var row in rows)
            {
                foreach (var key in row.Article.BandKeys.Distinct())
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(key, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Bigint, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>Tags in one statement: two tags that differ only in a way .NET's case folding and citext's disagree
    /// on are one tag to the column, and ON CONFLICT DO NOTHING keeps that the writer's answer, not an error.</summary>
    private async Task InsertTagsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var pairs = rows.SelectMany(r => r.Article.Draft.Tags.Select(tag => (r.Id, tag))).ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        await using var command = Command("""
            INSERT INTO "ArticleTags" ("ArticleId", "Name")
            SELECT * FROM unnest(@ids, @names)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", pairs.Select(p => p.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", pairs.Select(p => p.tag).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command in the connection's transaction (Npgsql runs commands in the open transaction).</summary>
    private NpgsqlCommand Command(string sql) => new(sql, connection);
}
