using System.Net;
using Microsoft.Playwright;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class ReaderInChromium : ICollectionFixture<ReaderFixture>
{
    public const string Name = "Reader in Chromium";
}

/// <summary>
/// One NewsWire on real Kestrel with the stories the browser tests read, and one headless Chromium. Each test
/// opens its own browser context (cookies, storage, history of its own), so tests do not see each other; none
/// of them writes, so they can share the data.
/// </summary>
public sealed class ReaderFixture : IAsyncLifetime
{
    public const string TassSlug = "russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe";
    public const string TassHeadline = "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe";
    public const string ReutersHeadline = "Refugees reach Greek islands as autumn storms near";
    public const string ReutersSlug = "refugees-reach-greek-islands-as-autumn-storms-near";
    public const int GrainReports = 25;

    /// <summary>Every field a reader sees holds markup that would run if it were ever parsed as HTML.</summary>
    public static readonly object HostileStory = new
    {
        headline = """<script>window.__xss = "headline"</script> Harbour <mark>reopens</mark> <img src=x onerror="window.__xss = 'headline img'">""",
        lead = """<img src=x onerror="window.__xss = 'lead'"> Dockers are back""",
        body = """
            Dockers returned <b>on Monday</b>. <script>window.__xss = "body"</script>

            <img src=x onerror="window.__xss = 'body img'"> The harbour reopened.
            """,
        source = "<img src=x onerror=window.__xss='source'>",
        place = "<svg onload=window.__xss='place'>",
        tags = new[] { "<i onmouseover=window.__xss='tag'>docks</i>" },
        publishedAt = "2014-05-01",
    };

    private static readonly string[] ReutersTags = ["refugees", "greece"];

    private readonly NewsWireApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return; // every test in the collection skips
        }

        var chromium = Chromium.ExecutablePath ?? throw new InvalidOperationException(
            "CI=true but no Chromium at /usr/bin/chromium: .ci/run must `apt-get install -y chromium` before the tests.");
        _app.UseKestrel(0);
        _app.StartServer();
        using var writer = _app.CreateWriter();
        Address = writer.BaseAddress!;
        await WriteStoriesAsync(writer);

        Assertions.SetDefaultExpectTimeout(15_000); // two shared cores: let a slow render finish before failing
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A tab in a browser context of its own; <paramref name="width"/> in CSS pixels.</summary>
    public async Task<ReaderTab> OpenTabAsync(int width = 1280, int height = 900)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium did not start.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return new ReaderTab(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Besides the seeded TASS report: a second refugee story from another agency and month, the
    /// hostile story, and enough grain reports for a second page of search results and of the listing.</summary>
    private static async Task WriteStoriesAsync(HttpClient writer)
    {
        await writer.CreateAsync(new
        {
            headline = ReutersHeadline,
            body = "Thousands of refugees landed on Lesbos on Friday.\n\nAid workers said the crossings would go on until the storms came.",
            source = "Reuters",
            place = "Athens",
            publishedAt = "2015-10-02T09:30:00Z",
            tags = ReutersTags,
        });
        await writer.CreateAsync(HostileStory);
        for (var day = 1; day <= GrainReports; day++)
        {
            await writer.CreateAsync(Stories.Input($"Grain report number {day}", source: "Interfax", place: "Moscow",
                publishedAt: $"2014-01-{day:00}", tags: ["grain"],
                body: DistinctGrainReport(day)));
        }

        // Every story must be listed: a near-duplicate would be hidden and change the counts the tests expect.
        using var check = await writer.GetAsync("/api/articles?limit=1");
        check.StatusCode.Should().Be(HttpStatusCode.OK);
        (await check.ReadAsAsync<NewsWire.Api.Articles.ArticlePage>()).Total.Should().Be(GrainReports + 3);
    }

    /// <summary>Words of its own in every report, so that no two are near-duplicates of each other.</summary>
    private static string DistinctGrainReport(int day) =>
        $"Grain shipments on {day} January: lots {string.Join(", ", "abcdefghij".Select(lot => $"J{day:00}{lot}"))} left the port." +
        "\n\nTraders expect grain prices to hold.";
}
