using System.Net;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

public class SearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private const string Tass = "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe";

    [Theory]
    [InlineData("refugees")]
    [InlineData("\"Islamic State\"")]
    [InlineData("Smirnov")]
    [InlineData("headline:refugee")]
    [InlineData("SCO -Damascus")]
    [InlineData("place:tashkent")]
    [InlineData("recruit*")]
    public async Task TheTassReportIsFound(string q)
    {
        var results = await Search(q);

        results.Items.Select(i => i.Headline).Should().Contain(Tass);
    }

    [Fact]
    public async Task ExcludingAWordTheReportMentionsLeavesItOut()
    {
        var results = await Search("SCO -Assad");

        results.Items.Select(i => i.Headline).Should().NotContain(Tass).And.Contain("SCO ministers meet in Astana");
    }

    [Fact]
    public async Task RefugeesFindsTheReportWithMarksInItsSnippet()
    {
        var results = await Search("refugees");

        var tass = results.Items.Single(i => i.Headline == Tass);
        tass.Highlights.Snippet.Should().Contain("<mark>refugees</mark>");
        tass.Highlights.Headline.Should().Contain("<mark>Refugee</mark>");
        tass.Score.Should().BePositive();
    }

    [Fact]
    public async Task APhraseMatchesOnlyAdjacentWords()
    {
        var phrase = await Search("\"Islamic State\"");
        var words = await Search("Islamic State");

        phrase.Items.Select(i => i.Headline).Should().NotContain("State of emergency declared in Islamic region");
        words.Items.Select(i => i.Headline).Should().Contain("State of emergency declared in Islamic region");
        phrase.Total.Should().BeLessThan(words.Total);
    }

    [Fact]
    public async Task OrFindsEither()
    {
        var results = await Search("Zürich OR Ankara");

        results.Items.Select(i => i.Headline).Should().BeEquivalentTo("Zürich bank fined over sanctions", "Refugees cross into Turkey");
    }

    [Theory]
    [InlineData("zurich", "Zürich bank fined over sanctions")]
    [InlineData("ZÜRICH", "Zürich bank fined over sanctions")]
    [InlineData("беженц*", "Беженцы прибывают в Европу")]
    [InlineData("беженцев", "Беженцы прибывают в Европу")]
    [InlineData("refugee", "Refugees cross into Turkey")]
    public async Task MatchingFoldsCaseAndDiacriticsStemsAndReadsCyrillic(string q, string expected)
    {
        (await Search(q)).Items.Select(i => i.Headline).Should().Contain(expected);
    }

    [Fact]
    public async Task TheHeadlineWeighsMoreThanTheBody()
    {
        var results = await Search("refugees");

        results.Items[0].Headline.Should().Contain("Refugee");
        results.Items.Select(i => i.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task MarkupInTheTextComesBackEscaped()
    {
        var hit = (await Search("markup")).Items.Single();

        hit.Highlights.Headline.Should().Be("<mark>Markup</mark> in copy &lt;script&gt;alert(1)&lt;/script&gt;");
        hit.Highlights.Snippet.Should().NotContain("<script>").And.Contain("&lt;script&gt;").And.Contain("&amp;");
    }

    [Theory]
    [InlineData("refugees&source=AP", new[] { "Refugees cross into Turkey" })]
    [InlineData("refugees&tag=aid", new[] { "Aid for displaced families" })]
    [InlineData("refugees&place=Paris&place=Ankara", new[] { "Markup in copy <script>alert(1)</script>", "Refugees cross into Turkey" })]
    [InlineData("refugees&from=2026-02-01&to=2026-02-28", new[] { "Refugees cross into Turkey" })]
    [InlineData("refugees&lang=ru", new string[0])]
    [InlineData("беженц*&lang=ru", new[] { "Беженцы прибывают в Европу" })]
    public async Task EveryFilterCombinesWithTheQuery(string query, string[] expected)
    {
        var results = await fixture.Client.GetFromJsonAsync<SearchResults>($"/api/search?q={query}", HttpExtensions.Json);

        results!.Items.Select(i => i.Headline).Should().BeEquivalentTo(expected);
        results.Total.Should().Be(expected.Length);
    }

    [Fact]
    public async Task SortByDateOrdersByTimeInsteadOfScore()
    {
        var newest = await Search("refugees", "&sort=newest");
        var oldest = await Search("refugees", "&sort=oldest");

        newest.Items.Select(i => i.PublishedAt).Should().BeInDescendingOrder();
        oldest.Items.Select(i => i.Id).Should().Equal(newest.Items.Select(i => i.Id).Reverse());
    }

    [Fact]
    public async Task AHitScoresTheSameWhateverTheOrder()
    {
        var byRelevance = (await Search("refugees", "&limit=100")).Items.ToDictionary(i => i.Id, i => i.Score);
        var byTime = (await Search("refugees", "&sort=newest&limit=100")).Items;

        byTime.Should().NotBeEmpty();
        byTime.Should().AllSatisfy(hit => hit.Score.Should().BeApproximately(byRelevance[hit.Id], 1e-9));
    }

    [Fact]
    public async Task PagingByOffsetNeitherRepeatsNorSkips()
    {
        var all = await Search("grain", "&limit=100");
        var pages = new List<long>();
        for (var offset = 0; offset < all.Total; offset += 7)
        {
            pages.AddRange((await Search("grain", $"&limit=7&offset={offset}")).Items.Select(i => i.Id));
        }

        all.Total.Should().Be(25);
        pages.Should().Equal(all.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task FacetsCountTheWholeMatchSetAndAddUpToTotal()
    {
        var results = await Search("grain", "&limit=1&facets=source,tag,place,month");

        results.Items.Should().HaveCount(1);
        results.Facets!.Keys.Should().BeEquivalentTo("source", "tag", "place", "month");
        results.Facets["source"].Sum(f => f.Count).Should().Be(results.Total);
        results.Facets["place"].Sum(f => f.Count).Should().Be(results.Total);
        results.Facets["month"].Sum(f => f.Count).Should().Be(results.Total);
        results.Facets["source"].Select(f => f.Count).Should().BeInDescendingOrder();
        results.Facets["source"][0].Should().BeEquivalentTo(new FacetValue { Value = "Reuters", Count = 13 });
        results.Facets["tag"].Should().ContainSingle().Which.Count.Should().Be(25);
        results.Facets["month"].Select(f => f.Value).Should().AllSatisfy(v => v.Should().MatchRegex("^2025-[01][0-9]$"));
    }

    [Fact]
    public async Task WithoutFacetsTheKeyIsAbsent()
    {
        var json = await fixture.Client.GetStringAsync("/api/search?q=grain");

        json.Should().NotContain("\"facets\"");
    }

    [Fact]
    public async Task TheResponseEchoesTheQuery()
    {
        (await Search("refugees -Assad")).Query.Should().Be("refugees -Assad");
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=-refugees", "q")]
    [InlineData("q=!!!", "q")]
    [InlineData("q=grain&offset=10001", "offset")]
    [InlineData("q=grain&offset=-1", "offset")]
    [InlineData("q=grain&limit=0", "limit")]
    [InlineData("q=grain&sort=best", "sort")]
    [InlineData("q=grain&facets=author", "facets")]
    [InlineData("q=grain&query=x", "query")]
    [InlineData("q=grain&from=soon", "from")]
    public async Task BadSearchesAreProblemsNamingTheParameter(string query, string parameter)
    {
        var response = await fixture.Client.GetAsync("/api/search?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Fact]
    public async Task AQueryOver500CharactersIs400()
    {
        var response = await fixture.Client.GetAsync("/api/search?q=" + new string('a', 501));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["q"].Single().Should().Contain("500");
    }

    [Fact]
    public async Task AnOffsetTooDeepSuggestsNarrowingByDate()
    {
        var response = await fixture.Client.GetAsync("/api/search?q=grain&offset=20000");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["offset"].Single().Should().Contain("by date with from and to");
    }

    private async Task<SearchResults> Search(string q, string extra = "")
    {
        var response = await fixture.Client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}{extra}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<SearchResults>();
    }
}
