using System.Net;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class NearDuplicateTests : ServiceTest
{
    private const string Body = """
        Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        The harvest in the northern regions exceeded expectations after a wet spring and a dry, warm August.

        Wheat prices at the Aktau port fell by 3% over the week, traders said, as the first new-crop cargoes left.
        """;

    [Fact]
    public async Task AStoryResentWithAChangedWordIsStoredAndLinkedToTheOriginal()
    {
        var original = await Writer.CreateAsync(Stories.Input("Kazakhstan raises grain export forecast", body: Body));

        var resent = await Writer.PostArticleAsync(Stories.Input("Kazakhstan raises grain export forecast", body: Body.Replace("Friday", "Thursday", StringComparison.Ordinal)));

        resent.StatusCode.Should().Be(HttpStatusCode.Created);
        (await resent.ReadAsAsync<ArticleDetail>()).DuplicateOf.Should().Be(original.Id);
    }

    [Fact]
    public async Task TheSameStoryFromASecondAgencyIsANearDuplicateNotAnExactOne()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", source: "TASS", body: Body));

        var carried = await Writer.CreateAsync(Stories.Input("Kazakh grain exports seen higher", source: "Interfax", body: Body + "\n\nInterfax adds: the ministry gave no figure for barley."));

        carried.DuplicateOf.Should().Be(original.Id);
        carried.Id.Should().NotBe(original.Id);
    }

    [Fact]
    public async Task NearDuplicatesAreHiddenFromListingAndSearchUnlessAskedFor()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: Body));
        var repeat = await Writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: Body + "\n\nUpdates with port prices."));
        repeat.DuplicateOf.Should().Be(original.Id);

        (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Items.Select(i => i.Id).Should().NotContain(repeat.Id);
        (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles?includeDuplicates=true", HttpExtensions.Json))!.Items.Select(i => i.Id).Should().Contain(repeat.Id);
        (await Reader.GetFromJsonAsync<SearchResults>("/api/search?q=aktau", HttpExtensions.Json))!.Items.Select(i => i.Id).Should().Equal(original.Id);
        (await Reader.GetFromJsonAsync<SearchResults>("/api/search?q=aktau&includeDuplicates=true", HttpExtensions.Json))!.Total.Should().Be(2);
        (await Reader.GetAsync($"/api/articles/{repeat.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARepeatOfARepeatPointsAtTheOriginal()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain", body: Body));
        await Writer.CreateAsync(Stories.Input("Grain 2", body: Body + "\n\nFirst update."));

        var third = await Writer.CreateAsync(Stories.Input("Grain 3", body: Body + "\n\nSecond update."));

        third.DuplicateOf.Should().Be(original.Id);
    }

    [Fact]
    public async Task DeletingTheOriginalUnlinksItsRepeats()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain", body: Body));
        var repeat = await Writer.CreateAsync(Stories.Input("Grain again", body: Body + "\n\nAn update."));

        await Writer.DeleteAsync($"/api/articles/{original.Id}");

        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{repeat.Id}", HttpExtensions.Json))!.DuplicateOf.Should().BeNull();
    }

    [Fact]
    public async Task IncludeDuplicatesMustBeTrueOrFalse()
    {
        var response = await Reader.GetAsync("/api/articles?includeDuplicates=yes");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("includeDuplicates");
    }
}
