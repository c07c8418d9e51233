namespace NewsWire.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium, which the browser tests drive through Playwright (Playwright cannot download its own
/// browser here). Without it the tests skip with a message, except under CI (CI=true), where a missing
/// browser is a failure: CI installs it, so its absence means the tests did not really run.
/// </summary>
internal static class Chromium
{
    /// <summary>Chromium without a sandbox or GPU, and without the background connections a closed network refuses.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>NEWSWIRE_CHROMIUM, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? ExecutablePath { get; } = Locate();

    public static bool RequiredByCi { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why browser tests skip on this machine; null when they run.</summary>
    public static string? SkipReason =>
        ExecutablePath is null && !RequiredByCi
            ? "Browser test skipped: no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`, " +
              "or point NEWSWIRE_CHROMIUM at one). Under CI=true a missing Chromium fails instead."
            : null;

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSWIRE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }
}
