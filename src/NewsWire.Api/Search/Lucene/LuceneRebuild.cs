using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Builds the index again from the store: every article, read in id order in batches (keyset, untracked) on one
/// thread while the others turn them into documents, with a large in-memory buffer and one commit at the end. The
/// log's head is read before the first article: the commit records it, so whatever is written while the rebuild
/// reads is applied after it by the tailer (again, when the rebuild saw it already). Until that commit the disk
/// holds the index as it was, so a rebuild cut short (a crash, a shutdown) leaves the old index and its position.
/// </summary>
public static class LuceneRebuild
{
    private const int BatchSize = 1_000;

    /// <summary>What a rebuild did: articles indexed, the position it ends at, how long it took.</summary>
    public sealed record Figures(long Articles, long Position, TimeSpan Elapsed);

    /// <summary>Empties <paramref name="index"/> and fills it with every article; <paramref name="progress"/> is told,
    /// after each batch, the articles indexed so far and the store's count at the start.</summary>
    public static async Task<Figures> RunAsync(
        LuceneIndex index, NewsWireDb db, IChangeLog log, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var head = await log.HeadAsync(cancellationToken);
        var total = await db.Articles.LongCountAsync(cancellationToken);
        // Read up to the newest article as of now, not until the reads run dry: under a running import they might
        // not for a long while. Anything stored later is after the head, and the tailer applies it.
        var last = await db.Articles.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        var indexers = Math.Max(1, Environment.ProcessorCount - 1);
        var batches = Channel.CreateBounded<List<Article>>(indexers + 1);
        var indexed = 0L;
        index.Clear();
        index.RamBufferMB = LuceneIndex.BulkRamBufferMB;
        // An indexer that fails stops the reader too, which would otherwise wait on a full channel for ever.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var indexing = Enumerable.Range(0, indexers).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token))
                    {
                        index.Add(batch.Select(IndexedArticle.From));
                        progress?.Invoke(Interlocked.Add(ref indexed, batch.Count), total);
                    }
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
            }, CancellationToken.None)).ToList();
            var reading = ReadAsync(db, last, batches.Writer, failed.Token);
            try
            {
                await reading;
                batches.Writer.TryComplete();
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);
            }

            await Task.WhenAll(indexing.Append(reading));
            index.Commit(head);
            index.Refresh();
        }
        finally
        {
            index.RamBufferMB = LuceneIndex.DefaultRamBufferMB;
        }

        return new Figures(indexed, head, clock.Elapsed);
    }

    private static async Task ReadAsync(NewsWireDb db, long last, ChannelWriter<List<Article>> batches, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (after < last)
        {
            var batch = await IndexedArticle.Stored(db)
                .Where(a => a.Id > after && a.Id <= last).OrderBy(a => a.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            after = batch[^1].Id;
            await batches.WriteAsync(batch, cancellationToken);
        }
    }
}
