using System.ComponentModel.DataAnnotations;

namespace NewsWire.Api.Push;

/// <summary>The live search stream (<c>NewsWire:Stream</c>, ADR 26). The cap on open streams is a rate limit: <c>NewsWire:RateLimits:StreamsPerClient</c>.</summary>
public sealed class StreamOptions
{
    public const string Section = "NewsWire:Stream";

    /// <summary>How often an idle stream sends a comment, so proxies and load balancers keep the connection.</summary>
    [Range(100, 300_000)]
    public int HeartbeatMs { get; set; } = 15_000;

    /// <summary>How often the instance reads the change log's head to learn of articles any instance stored.</summary>
    [Range(10, 60_000)]
    public int PollIntervalMs { get; set; } = 250;

    /// <summary>How far back, in change-log positions, a reconnecting stream is replayed from its Last-Event-ID: past
    /// it, the stream says so in a comment and resumes at the newest position, as after a compaction (ADR 31).</summary>
    [Range(0, 1_000_000)]
    public int ReplayLimit { get; set; } = 10_000;
}
