using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.RateLimits;

/// <summary>
/// Which budget a request spends: one <see cref="WindowCounter"/> per policy and client, where the client is
/// the API key for per-key policies with a valid key, and otherwise the client address. The counter goes to
/// the middleware as the partition (keyed by itself) and to the request as <see cref="RateLimitFeature"/>,
/// so the answer can tell what is left.
/// </summary>
internal sealed class RateLimitPartitions
{
    private readonly ConcurrentDictionary<(string Policy, string Client), WindowCounter> _counters = new();
    private readonly Dictionary<string, RateLimitPolicy> _policies;
    private readonly ApiKeyRing _keys;
    private readonly TimeProvider _clock;
    private readonly long _sweepEvery;
    private long _lastSweep;

    public RateLimitPartitions(IOptions<RateLimitOptions> options, ApiKeyRing keys, TimeProvider clock)
    {
        _keys = keys;
        _clock = clock;
        _policies = options.Value.Policies().ToDictionary(
            p => p.Name.ToLowerInvariant(),
            p => new RateLimitPolicy(p.Name.ToLowerInvariant(), p.Policy.PermitLimit, p.Policy.WindowSeconds,
                PerApiKey: p.Name is nameof(RateLimitOptions.Writes) or nameof(RateLimitOptions.Imports)));
        _sweepEvery = _policies.Values.Max(p => p.WindowSeconds) * clock.TimestampFrequency;
        _lastSweep = clock.GetTimestamp();
    }

    /// <summary>The counter this request spends from under <paramref name="policyName"/>.</summary>
    public WindowCounter For(HttpContext context, string policyName)
    {
        var policy = _policies[policyName];
        var client = policy.PerApiKey ? KeyOrAddress(context) : AddressKey(context.Connection.RemoteIpAddress);
        var counter = _counters.GetOrAdd((policy.Name, client), static (_, state) => new WindowCounter(state.policy, state.clock), (policy, clock: _clock));
        context.Features.Set(new RateLimitFeature(counter));
        SweepIfDue();
        return counter;
    }

    /// <summary>
    /// A key in the ring counts as itself (by its position, so the secret is not a dictionary key); a missing or
    /// wrong one counts by address, so inventing keys buys no fresh budget.
    /// </summary>
    private string KeyOrAddress(HttpContext context)
    {
        var presented = context.Request.Headers[ApiKeyFilter.HeaderName].ToString();
        var index = presented.Length == 0 ? -1 : _keys.IndexOf(presented);
        return index >= 0 ? $"key #{index}" : AddressKey(context.Connection.RemoteIpAddress);
    }

    /// <summary>
    /// IPv4 by address; IPv6 by its /64, the block one subscriber gets, within which a client can take a new
    /// address for every request.
    /// </summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// Forgets counters whose window has ended, at most once per longest window, so memory follows the clients
    /// of the last few minutes. A request that took a counter just as it was forgotten counts in a window no
    /// one reads again: at most one request per client and sweep goes uncounted.
    /// </summary>
    private void SweepIfDue()
    {
        var now = _clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < _sweepEvery || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.IsSpent(now))
            {
                _counters.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>The counter this request spent from, for the RateLimit headers of its answer.</summary>
internal sealed record RateLimitFeature(WindowCounter Counter);
