using Microsoft.Playwright;

namespace NewsWire.Api.Tests.Browser;

/// <summary>One tab showing the reader, with the waits and places the tests share.</summary>
public sealed class ReaderTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _errors = Watch(page);

    public IPage Page { get; } = page;

    /// <summary>Uncaught script errors and console errors (a CSP violation among them), which no test expects.
    /// A failed request is left out: the page shows those itself, and the tests look at what it shows.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public ILocator SearchBox => Page.Locator("#q");
    public ILocator Heading => Page.Locator("#view h1");
    public ILocator Hits => Page.Locator(".hits > li");
    public ILocator HitHeadlines => Page.Locator(".hits > li h2 a");
    public ILocator Alert => Page.Locator("#view [role=alert]");

    /// <summary>Opens a path of the page and waits for its view.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await ShownAsync();
    }

    /// <summary>Waits until the view for the current address is in (the page marks main busy while it loads).</summary>
    public async Task ShownAsync() =>
        await Assertions.Expect(Page.Locator("main[aria-busy=false]")).ToHaveCountAsync(1);

    /// <summary>Searches as a reader would: types into the box and presses Enter.</summary>
    public async Task SearchAsync(string query)
    {
        await SearchBox.FillAsync(query);
        await SearchBox.PressAsync("Enter");
        await ShownAsync();
    }

    /// <summary>Clicks a link that leads to another view and waits for it.</summary>
    public async Task FollowAsync(ILocator link)
    {
        await link.ClickAsync();
        await ShownAsync();
    }

    /// <summary>The address now shown, path and query, decoded.</summary>
    public string Address => Uri.UnescapeDataString(new Uri(Page.Url).PathAndQuery).Replace('+', ' ');

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }
}
