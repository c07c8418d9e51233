namespace NewsWire.Api.RateLimits;

/// <summary>One configured policy, with its <c>RateLimit-Policy</c> header value made once.</summary>
internal sealed record RateLimitPolicy(string Name, int PermitLimit, int WindowSeconds, bool PerApiKey)
{
    public const string Reads = "reads";
    public const string Writes = "writes";
    public const string Search = "search";
    public const string Imports = "imports";

    /// <summary>A quota policy item of draft-ietf-httpapi-ratelimit-headers: <c>"reads";q=1200;w=60</c>.</summary>
    public string PolicyHeader { get; } = $"\"{Name}\";q={PermitLimit};w={WindowSeconds}";

    public string Describe() => $"{PermitLimit} requests per {WindowSeconds} s " + (PerApiKey ? "per API key" : "per client address");
}
