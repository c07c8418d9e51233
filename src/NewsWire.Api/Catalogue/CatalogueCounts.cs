using Microsoft.Extensions.Options;
using NewsWire.Api.Caching;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Core.Text;

namespace NewsWire.Api.Catalogue;

public enum CatalogueKind
{
    Source,
    Tag,
    Place,
}

/// <summary>One value of a catalogue with its count, and the value folded for prefix matching.</summary>
public sealed record CatalogueEntry(string Value, string Folded, int Count);

/// <summary>
/// How many visible articles carry each source, tag and place, counted once per database version and kept
/// until anything commits (ADR 9, ADR 13), as listing totals are. Counting groups every visible article
/// and grows with the archive; answering from the counted list is a scan of a few thousand values. Requests
/// that find no count for the current version share one counting, so a write followed by a burst of
/// autocomplete requests counts once, not once per request.
/// </summary>
/// <remarks>Off, like the article cache, when <see cref="CacheOptions.Megabytes"/> is 0.</remarks>
public sealed class CatalogueCounts(IDatabaseVersion version, IServiceScopeFactory scopes, IOptions<CacheOptions> cache)
{
    private readonly Lock _lock = new();
    private readonly Counting?[] _latest = new Counting?[Enum.GetValues<CatalogueKind>().Length];
    private readonly bool _enabled = cache.Value.Enabled;

    private sealed record Counting(long Version, Task<CatalogueEntry[]> Entries);

    /// <summary>Every value of the kind, most used first (ties by value).</summary>
    public async Task<CatalogueEntry[]> GetAsync(CatalogueKind kind, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return await CountAsync(kind, cancellationToken);
        }

        // The version is read before counting starts: the counting sees every commit the version stands
        // for, and perhaps later ones, never fewer (the same argument as ListingTotals).
        var current = await version.CurrentAsync(cancellationToken);
        Task<CatalogueEntry[]> entries;
        lock (_lock)
        {
            var latest = _latest[(int)kind];
            if (latest is null || latest.Version != current || latest.Entries.IsFaulted || latest.Entries.IsCanceled)
            {
                // Shared by every request that asks for this version, so no single request's cancellation
                // may stop it.
                latest = new Counting(current, CountAsync(kind, CancellationToken.None));
                _latest[(int)kind] = latest;
            }

            entries = latest.Entries;
        }

        return await entries.WaitAsync(cancellationToken);
    }

    private async Task<CatalogueEntry[]> CountAsync(CatalogueKind kind, CancellationToken cancellationToken)
    {
        // A scope of its own: the counting may outlive the request that started it.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        var counts = await Counts(db, kind).ToListAsync(cancellationToken);
        return counts
            .Where(c => c.Count > 0)
            .Select(c => new CatalogueEntry(c.Value, Folding.Fold(c.Value), c.Count))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Visible articles only, grouped as the listing filters compare (the columns' NOCASE collation), so a
    /// count is what <c>GET /api/articles?source=…</c> answers as its total. Values that differ only in case
    /// count together, under one of their spellings.
    /// </summary>
    private static IQueryable<ValueCount> Counts(NewsWireDb db, CatalogueKind kind)
    {
        // Counted as "every article, less the hidden", not filtered to the visible first: grouped by the value,
        // the (value, PublishedAt, Id, DuplicateOfId) index answers alone, in order, never reading a row. A
        // filter on DuplicateOfId would make SQLite take that column's index and visit every row.
        var articles = db.Articles.AsNoTracking();
        return kind switch
        {
            CatalogueKind.Source => articles.Where(a => a.Source != null).GroupBy(a => a.Source)
                .Select(g => new ValueCount(g.Min(a => a.Source)!, g.Count(a => a.DuplicateOfId == null))),
            CatalogueKind.Place => articles.Where(a => a.Place != null).GroupBy(a => a.Place)
                .Select(g => new ValueCount(g.Min(a => a.Place)!, g.Count(a => a.DuplicateOfId == null))),
            // Hidden near-duplicates are few: their ids are read once from the (DuplicateOfId, …) index rather
            // than each tag's article row being visited to ask.
            _ => db.ArticleTags.AsNoTracking()
                .Where(t => !db.Articles.Where(a => a.DuplicateOfId != null).Select(a => a.Id).Contains(t.ArticleId))
                .GroupBy(t => t.Name)
                .Select(g => new ValueCount(g.Min(t => t.Name)!, g.Count())),
        };
    }

    private sealed record ValueCount(string Value, int Count);
}
