using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Interim, until the change log tells the engine what changed: before a search, compares the database
/// version (<see cref="IDatabaseVersion"/>, which any commit by any connection changes; a few microseconds)
/// with the one the index was last brought up to, and when it moved, re-indexes the articles whose update
/// time or hidden flag changed and deletes the ones gone. Every write acknowledged before a search started
/// moved the version that search reads, so a read reflects it. Each process rebuilds the index on its first
/// sync, and a sync reads every article's id and update time: fine for tests and small archives, not for a
/// million articles under writes.
/// </summary>
internal sealed class LuceneStoreSync(LuceneIndex index, IDatabaseVersion version) : IDisposable
{
    private const int LoadBatch = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<long, (DateTime UpdatedAt, bool Hidden)> _indexed = [];
    private const long NeverSynced = long.MinValue;

    private long _synced = NeverSynced;

    public async Task EnsureCurrentAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        var current = version.Current();
        if (current == Volatile.Read(ref _synced))
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (current != _synced)
            {
                await SyncAsync(db, cancellationToken);
                Volatile.Write(ref _synced, current);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task SyncAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        if (_synced == NeverSynced)
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
