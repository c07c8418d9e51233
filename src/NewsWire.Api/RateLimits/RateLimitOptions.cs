namespace NewsWire.Api.RateLimits;

/// <summary>
/// The rate limits (<c>NewsWire:RateLimits</c>), on by default; <c>Enabled=false</c> turns them all off, as the
/// benchmark does. Each policy allows <see cref="RateLimitPolicyOptions.PermitLimit"/> requests per window of
/// <see cref="RateLimitPolicyOptions.WindowSeconds"/>, counted per instance (ADR 14).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "NewsWire:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>GET, HEAD and OPTIONS of anything without a tighter policy, per client address.</summary>
    public RateLimitPolicyOptions Reads { get; set; } = new() { PermitLimit = 1200, WindowSeconds = 60 };

    /// <summary>POST, PUT and DELETE of single articles, per API key (per client address without a valid key).</summary>
    public RateLimitPolicyOptions Writes { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>Full-text search, per client address: a search costs far more than a read.</summary>
    public RateLimitPolicyOptions Search { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Bulk imports, per API key: each may carry up to a gigabyte.</summary>
    public RateLimitPolicyOptions Imports { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Live search streams open at once per client address (ADR 26); beyond it, 429.</summary>
    public int StreamsPerClient { get; set; } = 10;

    internal IEnumerable<(string Name, RateLimitPolicyOptions Policy)> Policies() =>
        [(nameof(Reads), Reads), (nameof(Writes), Writes), (nameof(Search), Search), (nameof(Imports), Imports)];
}

public sealed class RateLimitPolicyOptions
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
