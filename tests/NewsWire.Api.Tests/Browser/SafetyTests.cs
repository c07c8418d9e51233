using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsWire.Api.Tests.Browser;

/// <summary>Nothing an article holds runs; failures are explained, never a blank page.</summary>
[Collection(ReaderInChromium.Name)]
public sealed class SafetyTests(ReaderFixture reader)
{
    [BrowserFact]
    public async Task TheHostileStoryRendersAsTextAndRunsNothing()
    {
        await using var tab = await reader.OpenTabAsync();

        await tab.OpenAsync("/?q=harbour");

        var headline = tab.HitHeadlines.First;
        await Expect(headline).ToHaveTextAsync("""<script>window.__xss = "headline"</script> Harbour <mark>reopens</mark> <img src=x onerror="window.__xss = 'headline img'">""");
        await Expect(headline.Locator("mark")).ToHaveTextAsync(["Harbour"]);
        await Expect(tab.Page.Locator("#facet-source + ul")).ToContainTextAsync("<img src=x onerror=window.__xss='source'>");
        await Expect(tab.Page.Locator("#facet-place + ul")).ToContainTextAsync("<svg onload=window.__xss='place'>");
        await AssertNothingRanAsync(tab);

        await tab.FollowAsync(headline);

        await Expect(tab.Heading).ToContainTextAsync("<script>window.__xss = \"headline\"</script>");
        await Expect(tab.Page.Locator(".story .lead")).ToHaveTextAsync("<img src=x onerror=\"window.__xss = 'lead'\"> Dockers are back");
        await Expect(tab.Page.Locator(".story-body p")).ToHaveTextAsync([
            "Dockers returned <b>on Monday</b>. <script>window.__xss = \"body\"</script>",
            "<img src=x onerror=\"window.__xss = 'body img'\"> The harbour reopened.",
        ]);
        await Expect(tab.Page.Locator(".story .tags")).ToContainTextAsync("<i onmouseover=window.__xss='tag'>docks</i>");
        await tab.Page.Locator(".story .tags a").HoverAsync();
        await AssertNothingRanAsync(tab);
    }

    [BrowserFact]
    public async Task MarkupInAHighlightBecomesTextExceptMark()
    {
        await using var tab = await reader.OpenTabAsync();
        // As if the server forgot to escape: the page itself must still let only <mark> through.
        await tab.Page.RouteAsync("**/api/search?*", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """
                {"query": "refugees", "total": 1, "items": [{"id": 1, "slug": "s", "source": "TASS", "headline": "h",
                 "publishedAt": "2015-09-18T00:00:00Z", "lang": "en", "tags": [], "wordCount": 1, "score": 1,
                 "highlights": {"headline": "<img src=x onerror=\"window.__xss = 1\"><mark>Refugee</mark> &amp; <b>crisis</b>",
                                "snippet": "<script>window.__xss = 2</script> the <mark><i>refugees</i></mark> &lt;mark&gt;"}}],
                 "facets": {}}
                """,
        }));

        await tab.OpenAsync("/?q=refugees");

        var hit = tab.Hits.First;
        await Expect(hit.Locator("h2")).ToHaveTextAsync("<img src=x onerror=\"window.__xss = 1\">Refugee & <b>crisis</b>");
        await Expect(hit.Locator("h2 mark")).ToHaveTextAsync(["Refugee"]);
        await Expect(hit.Locator(".snippet")).ToHaveTextAsync("<script>window.__xss = 2</script> the <i>refugees</i> <mark>");
        await Expect(hit.Locator(".snippet mark")).ToHaveTextAsync(["<i>refugees</i>"]);
        (await hit.Locator("img, script, b, i").CountAsync()).Should().Be(0);
        await AssertNothingRanAsync(tab);
    }

    [BrowserFact]
    public async Task ThePagesPolicyMakesEveryHtmlStringSinkThrow()
    {
        await using var tab = await reader.OpenTabAsync();
        var response = await tab.Page.GotoAsync("/");

        (await response!.HeaderValueAsync("content-security-policy")).Should().Contain("default-src 'self'").And.Contain("require-trusted-types-for 'script'");
        var outcome = await tab.Page.EvaluateAsync<string>("""
            () => { try { document.body.insertAdjacentHTML("beforeend", "<img src=x>"); return "parsed"; } catch (e) { return e.name; } }
            """);

        outcome.Should().Be("TypeError", "with Trusted Types and no policy, no string can become HTML");
    }

    [BrowserFact]
    public async Task AQueryThatOnlyExcludesShowsTheProblemsDetail()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/");

        await tab.SearchAsync("-refugees");

        await Expect(tab.Heading).ToHaveTextAsync("The search could not be run");
        await Expect(tab.Alert).ToContainTextAsync("One or more parameters or fields are not valid");
        await Expect(tab.Alert).ToContainTextAsync("The query only excludes terms.");
        await Expect(tab.SearchBox).ToHaveValueAsync("-refugees");
    }

    [BrowserFact]
    public async Task AQueryOf501CharactersShowsTheProblemsDetail()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.OpenAsync("/");

        await tab.SearchAsync(new string('a', 501));

        await Expect(tab.Alert).ToContainTextAsync("The query is 501 characters long; the limit is 500 characters.");
    }

    [BrowserFact]
    public async Task ANetworkFailureShowsAMessageAndTryAgainRecovers()
    {
        await using var tab = await reader.OpenTabAsync();
        await tab.Page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));

        await tab.OpenAsync("/?q=refugees");

        await Expect(tab.Heading).ToHaveTextAsync("NewsWire could not be reached");
        await Expect(tab.Alert).ToContainTextAsync("Check your connection");

        await tab.Page.UnrouteAllAsync();
        await tab.FollowAsync(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }));

        await Expect(tab.Hits).ToHaveCountAsync(2);
    }

    private static async Task AssertNothingRanAsync(ReaderTab tab)
    {
        (await tab.Page.EvaluateAsync<string?>("() => window.__xss ?? null")).Should().BeNull("no markup from an article may run");
        (await tab.Page.Locator("#view img, #view script, #view svg, #view b, #view i").CountAsync()).Should().Be(0);
        tab.Errors.Should().BeEmpty("a CSP violation would mean markup got parsed");
    }
}
