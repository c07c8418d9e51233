using System.Threading.Channels;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Stores a stream of import items in batched transactions through <see cref="IArticleWriter"/>, the same
/// writer a single POST uses, so duplicates are found the same way. A batch commits whole or not at all:
/// an import cut off part-way leaves whole batches, and the log says how far it got. Batches are counted in
/// articles and in text (<see cref="TextInFlight"/>), so memory does not grow with the articles' length.
/// </summary>
public sealed partial class ArticleImporter(NewsWireDb db, IArticleWrites writes, IChangeLog log, TimeProvider clock, ILogger<ArticleImporter> logger)
{
    public const int BatchSize = 500;

    /// <summary>A batch also commits early once its articles hold this much text, so long articles stay few in memory.</summary>
    public const long BatchCharacters = 8_000_000;

    /// <summary>Fills <paramref name="report"/> as batches commit, so a caller whose input fails mid-way
    /// (an upload over the limit, a cut connection) still knows what was stored. Returns the change-log
    /// position the import reached (the head, when it stored nothing).</summary>
    public async Task<long> ImportAsync(
        IAsyncEnumerable<ImportItem> items, ImportReport report, Action<ImportReport>? progress, CancellationToken cancellationToken)
    {
        // The provider tunes the connection for a long load (SQLite: a larger page cache, rarer checkpoints).
        await using var connection = await writes.OpenAsync(db, WriteLoad.Bulk, cancellationToken);
        // Two stages on two cores: reading, parsing and hashing run ahead on one while this one writes.
        // If writing fails, the linked token stops the producer instead of leaving it blocked on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var inFlight = new TextInFlight(2 * BatchCharacters + WireCopyParser.MaxLength);
        var prepared = Channel.CreateBounded<(ImportItem Item, PreparedArticle? Article)>(BatchSize * 2);
        var producer = Task.Run(() => PrepareAsync(items, prepared.Writer, inFlight, stop.Token), stop.Token);
        var batch = new Batch(BatchSize);
        long? position = null;
        try
        {
            await foreach (var (item, article) in prepared.Reader.ReadAllAsync(cancellationToken))
            {
                if (article is null)
                {
                    report.Fail(item.Line, item.Errors ?? new Dictionary<string, string[]>());
                    continue;
                }

                batch.Add(item, article);
                if (batch.Items.Count == BatchSize || batch.Characters >= BatchCharacters)
                {
                    position = await CommitAsync(connection, batch, report, inFlight);
                    progress?.Invoke(report);
                }
            }
        }
        catch when (!producer.IsCompleted)
        {
            await stop.CancelAsync(); // writing failed: stop reading too
            throw;
        }

        await producer; // rethrows what stopped the input (an upload over the limit, a cut connection)
        position = await CommitAsync(connection, batch, report, inFlight) ?? position;
        progress?.Invoke(report);
        LogFinished(report.Created, report.Duplicates, report.FailedCount);
        return position ?? await log.HeadAsync(cancellationToken);
    }

    private static async Task PrepareAsync(IAsyncEnumerable<ImportItem> items,
        ChannelWriter<(ImportItem, PreparedArticle?)> writer, TextInFlight inFlight, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                var article = item.Draft is null ? null : PreparedArticle.From(item.Draft);
                await inFlight.TakeAsync(Batch.CharactersOf(article), cancellationToken);
                await writer.WriteAsync((item, article), cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    /// <summary>A batch once formed is written whole, even if the client goes away meanwhile: only reading stops.
    /// Returns the change-log position it reached, or null for an empty batch.</summary>
    private async Task<long?> CommitAsync(IWriteConnection connection, Batch batch, ImportReport report, TextInFlight inFlight)
    {
        if (batch.Items.Count == 0)
        {
            return null;
        }

        int created = 0, duplicates = 0;
        long position;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var writer = await connection.BeginAsync(CancellationToken.None))
        {
            foreach (var outcome in await writer.CreateManyAsync(batch.Articles(), now, CancellationToken.None))
            {
                _ = outcome.Created ? created++ : duplicates++;
            }

            position = await writer.CommitAsync(CancellationToken.None);
        }

        report.Created += created;
        report.Duplicates += duplicates;
        LogBatch(batch.Items[0].Item.Line, batch.Items[^1].Item.Line, report.Created, report.Duplicates);
        inFlight.Give(batch.Characters);
        batch.Clear();
        return position;
    }

    /// <summary>Articles waiting to commit together, and how much text they hold.</summary>
    private sealed class Batch(int capacity)
    {
        public List<(ImportItem Item, PreparedArticle Article)> Items { get; } = new(capacity);
        public long Characters { get; private set; }

        public List<PreparedArticle> Articles() => Items.ConvertAll(i => i.Article);

        public static long CharactersOf(PreparedArticle? article) => article?.Paragraphs.Sum(p => (long)p.Length) ?? 0;

        public void Add(ImportItem item, PreparedArticle article)
        {
            Items.Add((item, article));
            Characters += CharactersOf(article);
        }

        public void Clear()
        {
            Items.Clear();
            Characters = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import: committed items {First}-{Last}; {Created} created and {Duplicates} duplicates so far")]
    private partial void LogBatch(int first, int last, int created, int duplicates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import finished: {Created} created, {Duplicates} duplicates, {Failed} failed")]
    private partial void LogFinished(int created, int duplicates, int failed);
}
