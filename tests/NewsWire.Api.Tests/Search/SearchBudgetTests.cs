using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>
/// Every search has a budget (NewsWire:Search): words per prefix, prefixes per query, time. Past it the answer
/// is a 400 problem that says the query is too broad and how to narrow it; a client that goes away stops the work.
/// </summary>
public sealed class SearchBudgetTests(SearchBudgetFixture fixture) : IClassFixture<SearchBudgetFixture>
{
    [Theory]
    [InlineData("w*")]
    [InlineData("W*")]
    [InlineData("\"w\"*")]
    [InlineData("body:w*")]
    [InlineData("zqcrowded -w*")]
    [InlineData("zqcrowded wqa* OR w*")]
    public async Task APrefixThatStandsForMoreWordsThanTheBudgetIsA400ThatSaysHowToNarrowIt(string q)
    {
        var problem = await TooBroad(fixture.Client, q);

        // The prefix is named as it was typed.
        problem.Detail.Should().ContainEquivalentOf("'w*' stands for more than 1,000 different words").And.Contain("more letters");
    }

    [Theory]
    [InlineData("wqa*", 1)]
    [InlineData("zqcrowded", 400)]
    [InlineData("zqcrowded wqa* OR wqb* OR wqc*", 1)]
    public async Task ALongerPrefixAndWholeWordsInTheSameArchiveAreAnswered(string q, int atLeast)
    {
        var results = await fixture.Client.GetFromJsonAsync<SearchResults>(Search(q), HttpExtensions.Json);

        results!.Total.Should().BeGreaterThanOrEqualTo(atLeast);
    }

    [Fact]
    public async Task AScopedPrefixStandsForTheWordsOfItsFieldOnly()
    {
        // The crowded stories' w words are all in their bodies; their headlines ("Crowded story 12") hold none.
        var results = await fixture.Client.GetFromJsonAsync<SearchResults>(Search("headline:w*"), HttpExtensions.Json);

        results!.Total.Should().Be(0);
    }

    [Fact]
    public async Task APrefixIsCountedAsTheIndexReadsItAfterStemming()
    {
        // Porter turns waing into wa, so the index expands waing* to every word of w, a and three letters: some 800.
        await using var app = fixture.App.Beside(new Dictionary<string, string?> { ["NewsWire:Search:MaxWordsPerPrefix"] = "100" });

        var problem = await TooBroad(app.CreateClient(), "waing*");

        problem.Detail.Should().Contain("'waing*' stands for more than 100 different words");
    }

    [Fact]
    public async Task AQueryWithMorePrefixesThanTheBudgetIsA400()
    {
        var ten = string.Join(' ', Enumerable.Range(0, 10).Select(i => $"wq{(char)('a' + i)}*"));

        (await fixture.Client.GetAsync(Search(ten))).StatusCode.Should().Be(HttpStatusCode.OK);
        var problem = await TooBroad(fixture.Client, ten + " wqk*");
        problem.Detail.Should().ContainAll("11 prefixes", "at most 10", "whole words");
    }

    [Fact]
    public async Task ASearchPastItsTimeLimitIsA400ThatSaysHowToNarrowIt()
    {
        await using var app = fixture.App.Beside(new Dictionary<string, string?>
        {
            ["NewsWire:Search:TimeoutMs"] = "1",
            ["NewsWire:Search:MaxWordsPerPrefix"] = "1000000",
        });

        // Ten expansions of 20,000 words and facets: far longer than the limit, however late its timer fires.
        var problem = await TooBroad(app.CreateClient(), string.Join(' ', Enumerable.Repeat("w*", 10)), "&facets=source,tag,place,month");

        problem.Detail.Should().ContainAll("time limit of 1 ms", "add words", "filter by", "fewer facets");
    }

    [Fact]
    public async Task AClientThatGoesAwayIsNotToldItsQueryIsTooBroad()
    {
        using var scope = fixture.App.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();

        var act = () => search.SearchAsync(Request(CrowdedArchive.Mark), new CancellationToken(canceled: true));

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeOfType<SearchTooBroadException>();
    }

    [Fact]
    public void ABudgetOfNoTimeStopsTheServiceFromStarting()
    {
        // Options are checked before anything is stored, on either provider (the PostgreSQL process refuses it
        // the same way); the test host only reports it as such on SQLite.
        using var app = new NewsWireApp(settings: new Dictionary<string, string?> { ["NewsWire:Search:TimeoutMs"] = "0" });

        var start = () => app.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*TimeoutMs*");
    }

    private static string Search(string q, string extra = "") => $"/api/search?q={Uri.EscapeDataString(q)}{extra}";

    private static async Task<ProblemBody> TooBroad(HttpClient client, string q, string extra = "")
    {
        var response = await client.GetAsync(Search(q, extra));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "q = {0}", q);
        var problem = await response.ReadProblemAsync();
        problem.Title.Should().Be("The query is too broad.");
        problem.Errors!["q"].Should().Equal(problem.Detail);
        return problem;
    }

    private static SearchRequest Request(string q) => new SearchParameters { Q = q }.ToRequest(new Dictionary<string, string[]>())!;
}
