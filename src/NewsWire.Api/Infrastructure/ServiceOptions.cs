namespace NewsWire.Api.Infrastructure;

/// <summary>Write keys (<c>NewsWire:ApiKeys</c>); blank entries are ignored. With none, every write is 401.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "NewsWire";

    public List<string> ApiKeys { get; set; } = [];
}

/// <summary>Cross-origin access (<c>NewsWire:Cors</c>): which origins may read, and whether they may write.</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "NewsWire:Cors";

    /// <summary>Origins such as <c>https://desk.example</c>; none means any origin may read.</summary>
    public string[] Origins { get; set; } = [];

    /// <summary>Whether browsers on those origins may send writes (and so X-Api-Key).</summary>
    public bool AllowWrites { get; set; }

    internal static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.PathAndQuery == "/" && !origin.EndsWith('/');
}

/// <summary>How the log is written (<c>NewsWire:LogFormat</c>): <c>text</c> lines or one <c>json</c> object per event.</summary>
public sealed class LogOptions
{
    public const string Section = "NewsWire";

    public string LogFormat { get; set; } = "text";

    public bool Json => string.Equals(LogFormat, "json", StringComparison.OrdinalIgnoreCase);

    internal bool IsValid => Json || string.Equals(LogFormat, "text", StringComparison.OrdinalIgnoreCase);
}
