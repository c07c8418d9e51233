using System.Threading.RateLimiting;

namespace NewsWire.Api.RateLimits;

/// <summary>
/// One client's budget under one policy: a fixed window of <see cref="RateLimitPolicy.WindowSeconds"/> that
/// starts with the client's first request and allows <see cref="RateLimitPolicy.PermitLimit"/> requests.
/// Written for NewsWire rather than taken from System.Threading.RateLimiting because the answer must say how
/// much is left and when the window ends (the RateLimit header), which the framework's limiters do not expose,
/// and because it reads time from <see cref="TimeProvider"/>, so tests can move the clock instead of sleeping.
/// </summary>
internal sealed class WindowCounter(RateLimitPolicy policy, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly Lock _lock = new();
    private readonly long _windowTicks = policy.WindowSeconds * clock.TimestampFrequency;
    // As if a window had just ended, so that the first request opens one.
    private long _windowStart = clock.GetTimestamp() - policy.WindowSeconds * clock.TimestampFrequency;
    private long _lastUsed = clock.GetTimestamp();
    private int _used;

    public RateLimitPolicy Policy => policy;

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Volatile.Read(ref _lastUsed));

    /// <summary>Requests left in the current window and whole seconds until it ends (at least 1).</summary>
    public (int Remaining, int ResetSeconds) Snapshot()
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            Roll(now);
            return (Math.Max(0, policy.PermitLimit - _used), ResetSeconds(now));
        }
    }

    /// <summary>True once the window has ended with no request since: forgetting the counter then loses nothing.</summary>
    public bool IsSpent(long now)
    {
        lock (_lock)
        {
            return now - _windowStart >= _windowTicks;
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        var (remaining, _) = Snapshot();
        return new RateLimiterStatistics { CurrentAvailablePermits = remaining };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            Roll(now);
            _lastUsed = now;
            if (_used + permitCount <= policy.PermitLimit)
            {
                _used += permitCount;
                return Granted;
            }

            return new Lease(false, TimeSpan.FromSeconds(ResetSeconds(now)));
        }
    }

    /// <summary>Nothing waits in a queue: a request over the limit is answered 429 at once, with Retry-After.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(permitCount));

    private void Roll(long now)
    {
        if (now - _windowStart >= _windowTicks)
        {
            _windowStart = now;
            _used = 0;
        }
    }

    private int ResetSeconds(long now)
    {
        var left = _windowStart + _windowTicks - now;
        return (int)Math.Max(1, (left + clock.TimestampFrequency - 1) / clock.TimestampFrequency);
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
