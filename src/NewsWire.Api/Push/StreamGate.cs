using Microsoft.Extensions.Options;
using NewsWire.Api.RateLimits;

namespace NewsWire.Api.Push;

/// <summary>
/// The cap on live streams open at once per client address (<see cref="RateLimitOptions.StreamsPerClient"/>),
/// counted per instance like the other limits (ADR 14) and by the same address key (an IPv6 client by its /64).
/// Off with the rate limits (<c>NewsWire:RateLimits:Enabled=false</c>).
/// </summary>
public sealed class StreamGate(IOptions<RateLimitOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.StreamsPerClient;

    /// <summary>A lease to dispose when the stream ends, or null when the client has its limit open.</summary>
    public IDisposable? TryEnter(HttpContext context)
    {
        if (!options.Value.Enabled)
        {
            return new Lease(null, this);
        }

        var client = RateLimitPartitions.AddressKey(context.Connection.RemoteIpAddress);
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= Limit)
            {
                return null;
            }

            _open[client] = open + 1;
            return new Lease(client, this);
        }
    }

    private void Leave(string client)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(client, out var open) && open > 1)
            {
                _open[client] = open - 1;
            }
            else
            {
                _open.Remove(client);
            }
        }
    }

    private sealed class Lease(string? client, StreamGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (client is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(client);
            }
        }
    }
}
