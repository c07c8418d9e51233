namespace NewsWire.Api.Tests.Browser;

/// <summary>A test that needs Chromium: skipped, with the reason, on a machine without it (never under CI).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A test that needs Chromium and axe-core.</summary>
public sealed class AccessibilityFactAttribute : FactAttribute
{
    public AccessibilityFactAttribute() => Skip = Chromium.SkipReason ?? AxeCore.SkipReason;
}
