using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Feeds;

/// <summary>
/// Validators for conditional GETs, because feed readers poll (ADR 12). The ETag is a hash of the bytes,
/// so it is exact: a feed that did not change has the same ETag on every instance. Last-Modified is
/// harder: a feed also changes when an article leaves it (deleted, edited out of its filter), and then no
/// stored time says when. So it is the moment this instance first served the current bytes of that feed,
/// remembered per feed: earlier than the truth never, later only when the memory was lost (a restart, an
/// eviction), which costs a reader one full answer. Within one second a change moves it to the next
/// second, so a reader holding the old bytes never gets a 304 for the new ones; until the clock gets
/// there the header is left out.
/// </summary>
public sealed class FeedVersions(TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly Lock _lock = new();

    private sealed record Seen(string ETag, DateTimeOffset Since);

    /// <param name="feed">Which feed: format, host and query, as the client asked.</param>
    /// <param name="body">The bytes about to be sent.</param>
    public (EntityTagHeaderValue ETag, DateTimeOffset? LastModified) Validators(string feed, byte[] body)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        var now = clock.GetUtcNow();
        Seen seen;
        lock (_lock)
        {
            var last = _seen.Get<Seen>(feed);
            seen = last is not null && last.ETag == etag ? last : new Seen(etag, Next(last, now));
            _seen.Set(feed, seen, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromDays(1) });
        }

        return (new EntityTagHeaderValue(etag), seen.Since <= now ? seen.Since : null);
    }

    /// <summary>Now in whole seconds (HTTP dates have no finer unit), and always after the previous content's.</summary>
    private static DateTimeOffset Next(Seen? previous, DateTimeOffset now)
    {
        var second = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return previous is not null && previous.Since >= second ? previous.Since.AddSeconds(1) : second;
    }

    public void Dispose() => _seen.Dispose();
}
