using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The search budget's time limit and a client that goes away stop a Lucene search too: its collector looks at the
/// token as it goes. Past the limit the answer is the same 400 problem as FTS5's; a client gone is not told its
/// query is too broad.
/// </summary>
public sealed class LuceneSearchBudgetTests(SearchBudgetFixture fixture) : IClassFixture<SearchBudgetFixture>
{
    [Fact]
    public async Task ALuceneSearchPastItsTimeLimitIsA400ThatSaysHowToNarrowIt()
    {
        await using var app = Lucene(new Dictionary<string, string?>
        {
            ["NewsWire:Search:TimeoutMs"] = "1",
            ["NewsWire:Search:MaxWordsPerPrefix"] = "1000000",
        });
        var client = app.CreateClient();

        // The first search builds the index from the store, which takes far longer than 1 ms and is not the query's cost.
        (await client.GetAsync($"/api/search?q={CrowdedArchive.Mark}&limit=1")).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("w*", 10)))}&facets=source,tag,place,month");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Title.Should().Be("The query is too broad.");
        problem.Detail.Should().ContainAll("time limit of 1 ms", "add words", "filter by", "fewer facets");
    }

    [Fact]
    public async Task AClientThatGoesAwayStopsTheSearchAndIsNotToldItsQueryIsTooBroad()
    {
        await using var app = Lucene(new Dictionary<string, string?>());
        using var scope = app.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();
        await scope.ServiceProvider.GetRequiredService<ISearchIndexFreshness>().EnsureCurrentAsync(CancellationToken.None);

        var act = () => search.SearchAsync(Request(CrowdedArchive.Mark), new CancellationToken(canceled: true));

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeOfType<SearchTooBroadException>();
        (await search.SearchAsync(Request(CrowdedArchive.Mark), CancellationToken.None)).Total.Should().Be(400);
    }

    [Fact]
    public void TheEngineLooksAtTheTokenBeforeItCollectsAnything()
    {
        using var corpus = new LuceneCorpusIndex();

        var act = () => corpus.Engine.Search(Requests.For("refugees"), new CancellationToken(canceled: true));

        act.Should().Throw<OperationCanceledException>();
        corpus.Engine.Search(Requests.For("refugees"), CancellationToken.None).Total.Should().BePositive();
    }

    private NewsWireApp Lucene(Dictionary<string, string?> settings) => new(fixture.App.DatabasePath, settings);

    private static SearchRequest Request(string q) => new SearchParameters { Q = q }.ToRequest(new Dictionary<string, string[]>())!;
}
