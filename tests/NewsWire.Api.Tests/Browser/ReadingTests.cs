using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsWire.Api.Tests.Browser;

/// <summary>A reader finds and reads the TASS report in a real Chromium against a real started NewsWire.</summary>
[Collection(ReaderInChromium.Name)]
public sealed class ReadingTests(ReaderFixture reader)
{
    [BrowserFact]
    public async Task TheTassReportIsListedOnArrival()
    {
        await using var tab = await reader.OpenTabAsync();

        await tab.OpenAsync("/");

        await Expect(tab.Heading).ToHaveTextAsync("Latest articles");
        await Expect(tab.HitHeadlines.Filter(new() { HasText = ReaderFixture.TassHeadline })).ToHaveCountAsync(1);
        await Expect(tab.Page.Locator("#result-count")).ToHaveTextAsync($"{ReaderFixture.GrainReports + 3} articles");
        tab.Errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task TypingRefugeesFindsTheReportWithRefugeeMarkedInItsHeadline()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/");

        await tab.SearchAsync("refugees");

        tab.Address.Should().Be("/?q=refugees");
        await Expect(tab.Heading).ToHaveTextAsync("Results for “refugees”");
        await Expect(tab.Hits).ToHaveCountAsync(2);
        var headline = tab.HitHeadlines.Filter(new() { HasText = "Russian Security Service" });
        (await headline.InnerHTMLAsync()).Should().Contain("<mark>Refugee</mark>");
        await Expect(tab.Page.Locator(".hits .snippet mark").First).ToHaveTextAsync("refugees");
        tab.Errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task AFacetClickNarrowsTheResultsAndTheAddress()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=refugees");
        await Expect(tab.Hits).ToHaveCountAsync(2);

        await tab.FollowAsync(tab.Page.Locator("#facet-source + ul a", new() { HasText = "TASS" }));

        tab.Address.Should().Be("/?q=refugees&source=TASS");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.TassHeadline]);
        await Expect(tab.Page.Locator("#facet-source + ul a[aria-current=true]")).ToContainTextAsync("TASS");
        await Expect(tab.Page.Locator(".feed")).ToHaveAttributeAsync("href", "/feeds/atom?q=refugees&source=TASS");

        await tab.FollowAsync(tab.Page.Locator(".active-filters a", new() { HasText = "Source: TASS" }));

        tab.Address.Should().Be("/?q=refugees");
        await Expect(tab.Hits).ToHaveCountAsync(2);
    }

    [BrowserFact]
    public async Task AMonthFacetAndADateRangeNarrowByDate()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=refugees");

        await tab.FollowAsync(tab.Page.Locator("#facet-month + ul a", new() { HasText = "September 2015" }));

        tab.Address.Should().Be("/?q=refugees&from=2015-09-01&to=2015-09-30");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.TassHeadline]);

        await tab.Page.GetByLabel("From").FillAsync("2015-10-01");
        await tab.Page.GetByLabel("To").FillAsync("");
        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Apply dates" }));

        tab.Address.Should().Be("/?q=refugees&from=2015-10-01");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.ReutersHeadline]);
    }

    [BrowserFact]
    public async Task SortingByTimePutsTheOlderOrTheNewerStoryFirst()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=refugees");

        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Sort order" }).GetByText("Oldest"));

        tab.Address.Should().Be("/?q=refugees&sort=oldest");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.TassHeadline, ReaderFixture.ReutersHeadline]);

        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Sort order" }).GetByText("Newest"));

        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.ReutersHeadline, ReaderFixture.TassHeadline]);
    }

    [BrowserFact]
    public async Task SearchResultsPageForwardAndBack()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=grain");
        await Expect(tab.Hits).ToHaveCountAsync(20);
        await Expect(tab.Page.Locator(".page-of")).ToHaveTextAsync("Page 1 of 2");

        await tab.FollowAsync(tab.Page.Locator("a[rel=next]"));

        tab.Address.Should().Be("/?q=grain&page=2");
        await Expect(tab.Hits).ToHaveCountAsync(ReaderFixture.GrainReports - 20);
        await Expect(tab.Page.Locator("ol.hits")).ToHaveAttributeAsync("start", "21");

        await tab.Page.GoBackAsync();
        await tab.ShownAsync();

        await Expect(tab.Page.Locator(".page-of")).ToHaveTextAsync("Page 1 of 2");
    }

    [BrowserFact]
    public async Task TheListingPagesByCursorAndLeadsBackToTheNewest()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/");
        var firstPage = await tab.HitHeadlines.AllTextContentsAsync();

        await tab.FollowAsync(tab.Page.Locator("a[rel=next]"));

        tab.Address.Should().StartWith("/?cursor=");
        var secondPage = await tab.HitHeadlines.AllTextContentsAsync();
        secondPage.Should().HaveCount(ReaderFixture.GrainReports + 3 - 20).And.NotIntersectWith(firstPage);

        await tab.FollowAsync(tab.Page.Locator("a[rel=prev]", new() { HasText = "Newest" }));

        (await tab.HitHeadlines.AllTextContentsAsync()).Should().Equal(firstPage);
    }

    [BrowserFact]
    public async Task OpeningTheReportShowsItAsTheWireSentIt()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=refugees");

        await tab.FollowAsync(tab.HitHeadlines.Filter(new() { HasText = "Russian Security Service" }));

        tab.Address.Should().Be($"/articles/{ReaderFixture.TassSlug}");
        await Expect(tab.Heading).ToHaveTextAsync(ReaderFixture.TassHeadline);
        await Expect(tab.Heading).ToBeFocusedAsync();
        await Expect(tab.Page.Locator(".story .kicker")).ToHaveTextAsync("All news");
        await Expect(tab.Page.Locator(".story .lead")).ToHaveTextAsync("The officer said the flow of refugees will only grow as Islamic State is seizing new territories");
        await Expect(tab.Page.Locator(".story-body p").First).ToHaveTextAsync(new Regex(@"^TASHKENT, September 18\. /TASS/\. The Islamic State \(IS\)"));
        await Expect(tab.Page.Locator(".story-section")).ToHaveCountAsync(4);
        await Expect(tab.Page.Locator(".story-section h2")).ToHaveTextAsync([
            "EU refugee flow grows due to IS terror, not Assad",
            "IS recruitment serious threat for SCO countries",
            "Islamic State terrorist organization",
        ]);
        await Expect(tab.Page.Locator(".quotes li")).ToHaveCountAsync(10);
        (await tab.Page.Locator(".quotes .speaker").AllTextContentsAsync()).Should().HaveCount(10).And.AllBe("Sergey Smirnov");
        await Expect(tab.Page.Locator(".quotes-summary")).ToHaveTextAsync("10 quotations by Sergey Smirnov");
        tab.Errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task BackReturnsToTheResults()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/?q=refugees&source=TASS");
        await tab.FollowAsync(tab.HitHeadlines.First);

        await tab.Page.GoBackAsync();
        await tab.ShownAsync();

        tab.Address.Should().Be("/?q=refugees&source=TASS");
        await Expect(tab.SearchBox).ToHaveValueAsync("refugees");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.TassHeadline]);

        await tab.Page.GoForwardAsync();
        await tab.ShownAsync();
        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "← Back to results" }));

        tab.Address.Should().Be("/?q=refugees&source=TASS");
        await Expect(tab.HitHeadlines).ToHaveTextAsync([ReaderFixture.TassHeadline]);
    }

    [BrowserFact]
    public async Task BackToResultsFromARelatedStoryLeadsToTheResultsTheReaderCameFrom()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.Page.RouteAsync($"**/api/articles/{ReaderFixture.TassSlug}/related*", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$"""[{"id": 2, "slug": "{{ReaderFixture.ReutersSlug}}", "source": "Reuters", "headline": "{{ReaderFixture.ReutersHeadline}}", "publishedAt": "2015-10-02T09:30:00Z", "lang": "en", "tags": [], "wordCount": 20}]""",
        }));
        await tab.OpenAsync("/?q=refugees&sort=oldest");
        await tab.FollowAsync(tab.HitHeadlines.First);

        await tab.FollowAsync(tab.Page.Locator("#related a"));
        await Expect(tab.Heading).ToHaveTextAsync(ReaderFixture.ReutersHeadline);
        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Link, new() { Name = "← Back to results" }));

        tab.Address.Should().Be("/?q=refugees&sort=oldest");
        await Expect(tab.HitHeadlines).ToHaveCountAsync(2);
    }

    [BrowserFact]
    public async Task AnArticleAddressOpensOnItsOwnAndLeadsToTheNewest()
    {
        await using var tab = await reader.OpenTabAsync();

        await tab.OpenAsync($"/articles/{ReaderFixture.TassSlug}");

        await Expect(tab.Heading).ToHaveTextAsync(ReaderFixture.TassHeadline);
        await Expect(tab.Page.Locator("a[data-back]")).ToHaveAttributeAsync("href", "/");
        await tab.FollowAsync(tab.Page.Locator("a[data-back]"));
        await Expect(tab.Heading).ToHaveTextAsync("Latest articles");
    }

    [BrowserFact]
    public async Task RelatedStoriesAreShownWhenTheServiceHasThemAndHiddenOnA404()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.Page.RouteAsync("**/api/articles/*/related*", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$"""[{"id": 2, "slug": "refugees-reach-greek-islands", "source": "Reuters", "headline": "{{ReaderFixture.ReutersHeadline}}", "place": "Athens", "publishedAt": "2015-10-02T09:30:00Z", "lang": "en", "tags": [], "wordCount": 20}]""",
        }));

        await tab.OpenAsync($"/articles/{ReaderFixture.TassSlug}");

        await Expect(tab.Page.Locator("#related")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#related a")).ToHaveTextAsync([ReaderFixture.ReutersHeadline]);

        await tab.Page.UnrouteAllAsync();
        await tab.Page.RouteAsync("**/api/articles/*/related*", route => route.FulfillAsync(new()
        {
            Status = 404,
            ContentType = "application/problem+json",
            Body = """{"status": 404, "title": "Not found."}""",
        }));
        await tab.Page.ReloadAsync();
        await tab.ShownAsync();

        await Expect(tab.Page.Locator(".quotes li")).ToHaveCountAsync(10);
        await Expect(tab.Page.Locator("#related")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task SlashFocusesTheSearchBox()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync($"/articles/{ReaderFixture.TassSlug}");

        await tab.Page.Keyboard.PressAsync("/");

        await Expect(tab.SearchBox).ToBeFocusedAsync();
        await tab.Page.Keyboard.TypeAsync("SCO -Damascus/");
        await Expect(tab.SearchBox).ToHaveValueAsync("SCO -Damascus/");
    }

    [BrowserFact]
    public async Task AnUnknownArticleSaysSo()
    {
        await using var tab = await reader.OpenTabAsync();

        await tab.OpenAsync("/articles/no-such-story");

        await Expect(tab.Heading).ToHaveTextAsync("Not found");
        await Expect(tab.Alert).ToContainTextAsync("There is no article with id or slug 'no-such-story'.");
    }
}
