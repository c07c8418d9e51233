using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Interim, until the change log tells the engine what changed: before a search, compares a fingerprint of
/// the store (count, last update, sums of ids and near-duplicate links) with the one the index was last
/// brought up to, and when they differ, re-indexes the articles whose update time or hidden flag changed
/// and deletes the ones gone. Every write acknowledged before a search started is in the fingerprint that
/// search reads, so a read reflects it. Each process rebuilds the index on its first sync. Reading the
/// fingerprint scans Articles, which is fine for tests and small archives, not for a million articles.
/// </summary>
internal sealed class LuceneStoreSync(LuceneIndex index) : IDisposable
{
    private const int LoadBatch = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<long, (DateTime UpdatedAt, bool Hidden)> _indexed = [];
    private Fingerprint? _synced;

    private sealed record Fingerprint(int Count, DateTime? LastUpdate, long IdSum, long DuplicateSum);

    public async Task EnsureCurrentAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        var fingerprint = await ReadFingerprintAsync(db, cancellationToken);
        if (fingerprint == _synced)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (fingerprint != _synced)
            {
                await SyncAsync(db, cancellationToken);
                _synced = fingerprint;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private static async Task<Fingerprint> ReadFingerprintAsync(NewsWireDb db, CancellationToken cancellationToken) =>
        await db.Articles.GroupBy(_ => 1)
            .Select(g => new Fingerprint(g.Count(), g.Max(a => (DateTime?)a.UpdatedAt), g.Sum(a => a.Id), g.Sum(a => a.DuplicateOfId ?? 0)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new Fingerprint(0, null, 0, 0);

    private async Task SyncAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        if (_synced is null)
        {
            index.Clear();
            _indexed.Clear();
        }

        var rows = await db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.UpdatedAt, Hidden = a.DuplicateOfId != null })
            .ToListAsync(cancellationToken);
        var present = rows.Select(r => r.Id).ToHashSet();
        var gone = _indexed.Keys.Where(id => !present.Contains(id)).ToList();
        var changed = rows.Where(r => !_indexed.TryGetValue(r.Id, out var seen) || seen != (r.UpdatedAt, r.Hidden)).Select(r => r.Id).ToList();

        foreach (var batch in changed.Chunk(LoadBatch))
        {
            var articles = await db.Articles.AsNoTracking().Include(a => a.Tags)
                .Where(a => batch.Contains(a.Id)).ToListAsync(cancellationToken);
            index.Upsert(articles.Select(IndexedArticle.From));
            foreach (var article in articles)
            {
                _indexed[article.Id] = (article.UpdatedAt, article.DuplicateOfId is not null);
            }

            // Deleted between the two reads: gone from the index too.
            gone.AddRange(batch.Except(articles.Select(a => a.Id)));
        }

        index.Delete(gone);
        foreach (var id in gone)
        {
            _indexed.Remove(id);
        }

        index.Refresh();
    }
}
