using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsWire.Api.Tests.Browser;

/// <summary>axe-core finds nothing serious; the page works from the keyboard and on a phone.</summary>
[Collection(ReaderInChromium.Name)]
public sealed class AccessibilityTests(ReaderFixture reader)
{
    public static readonly TheoryData<string> Views = new()
    {
        "/",
        "/?q=refugees&source=TASS",
        $"/articles/{ReaderFixture.TassSlug}",
        "/?q=-refugees",
    };

    [AccessibilityFact]
    public async Task AxeFindsNothingSeriousOrCriticalInAnyView()
    {
        await using var tab = await reader.OpenTabAsync();
        var found = new List<string>();
        foreach (var view in Views)
        {
            await tab.OpenAsync(view);
            await tab.Page.Locator("details.syntax summary").ClickAsync(); // check the syntax help open too
            found.AddRange((await RunAxeAsync(tab.Page)).Select(v => $"{view}: {v}"));
        }

        found.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task AReaderCanSearchAndOpenAStoryWithTheKeyboardAlone()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/");

        await tab.Page.Keyboard.PressAsync("Tab");
        await Expect(tab.Page.Locator(".skip-link")).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("/");
        await tab.Page.Keyboard.TypeAsync("refugees");
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.ShownAsync();

        var reached = false;
        for (var press = 0; press < 40 && !reached; press++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            reached = await tab.Page.EvaluateAsync<bool>("() => document.activeElement?.textContent?.startsWith('Russian Security Service') ?? false");
        }

        reached.Should().BeTrue("the first hit's headline is reachable by Tab");
        (await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")).Should().NotBe("none", "focus is visible");
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.ShownAsync();

        await Expect(tab.Heading).ToHaveTextAsync(ReaderFixture.TassHeadline);
        await Expect(tab.Heading).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task APhoneWidthScreenNeverScrollsSideways()
    {
        await using var tab = await reader.OpenTabAsync(width: 360, height: 780);
        foreach (var view in Views)
        {
            await tab.OpenAsync(view);

            var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.Should().BeLessThanOrEqualTo(0, "{0} fits 360 CSS pixels", view);
        }

        await tab.OpenAsync("/?q=refugees");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "reader-phone.png");
        await tab.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        new FileInfo(screenshot).Length.Should().BeGreaterThan(0);
    }

    /// <summary>axe-core's serious and critical violations of the page as it stands, one line each.</summary>
    private static async Task<List<string>> RunAxeAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, which the page's CSP does not govern (it would refuse an inline script).
        await page.EvaluateAsync(AxeCore.Script);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
