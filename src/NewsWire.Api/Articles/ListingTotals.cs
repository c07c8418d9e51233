using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsWire.Api.Caching;

namespace NewsWire.Api.Articles;

/// <summary>
/// The <c>total</c> of a listing, remembered per filter set until the database changes (ADR 3, ADR 9).
/// Counting is the one part of a listing that grows with the archive (30 ms at a million articles, against
/// a fraction of a millisecond for the page itself); the number only changes when something is written.
/// </summary>
/// <remarks>
/// Pages themselves are kept by <see cref="StoreCache"/>; the total outlives them because every page of one
/// filter set (each cursor is its own page) shares it. Off, like that cache, when
/// <see cref="CacheOptions.Megabytes"/> is 0.
/// </remarks>
public sealed class ListingTotals(IDatabaseVersion version, IOptions<CacheOptions> cache) : IDisposable
{
    private readonly MemoryCache _totals = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly bool _enabled = cache.Value.Enabled;

    public async Task<int> CountAsync(ArticleFilter filter, IQueryable<Article> matching, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return await matching.CountAsync(cancellationToken);
        }

        // The version is read before counting: a write committed in between can only make the stored
        // number newer than its key, never older, and the next request sees a new version anyway.
        var key = (await version.CurrentAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture) + filter.Key();
        if (_totals.TryGetValue(key, out int total))
        {
            return total;
        }

        total = await matching.CountAsync(cancellationToken);
        _totals.Set(key, total, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return total;
    }

    public void Dispose() => _totals.Dispose();
}
