namespace NewsWire.Api.Feeds;

/// <summary><c>NewsWire:Feeds</c>, checked at start: an id authority feeds could not use must not fall back silently.</summary>
public sealed class FeedOptions
{
    public const string Section = "NewsWire:Feeds";

    /// <summary>The domain (or e-mail address) in the entries' tag URIs; unset, the request's host name.</summary>
    public string? IdAuthority { get; set; }
}
