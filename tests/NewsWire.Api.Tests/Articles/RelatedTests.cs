using System.Net;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class RelatedTests : ServiceTest
{
    private const string GrainBody = """
        Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        The harvest in the northern regions exceeded expectations after a wet spring and a dry, warm August.

        Wheat prices at the Aktau port fell by 3% over the week, traders said, as the first new-crop cargoes left.
        """;

    [Fact]
    public async Task StoriesOnTheSameSubjectComeFirst()
    {
        var cocoa = await Writer.CreateAsync(Stories.Input("Cocoa arrivals slow in Bahia", body: "Cocoa arrivals in Bahia slowed as the temporao crop ripened late.\n\nExporters said cocoa stocks were thin."));
        var cocoaPrices = await Writer.CreateAsync(Stories.Input("Cocoa prices firm on Bahia worries", body: "Cocoa futures firmed on worries about the Bahia temporao crop.\n\nDealers expect arrivals to recover."));
        var oil = await Writer.CreateAsync(Stories.Input("Oil prices rise on OPEC cuts", body: "Brent crude rose after OPEC agreed output cuts.\n\nTraders said stocks were thin."));
        await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: GrainBody));

        var related = await Related(cocoa.Id);

        related.Select(r => r.Id).Should().StartWith(cocoaPrices.Id);
        related.Select(r => r.Id).Should().NotContain(cocoa.Id);
        if (related.Any(r => r.Id == oil.Id))
        {
            related.Select(r => r.Id).Should().ContainInOrder(cocoaPrices.Id, oil.Id);
        }
    }

    [Fact]
    public async Task NeitherTheArticleNorItsNearDuplicatesAreRelated()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: GrainBody));
        var repeat = await Writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: GrainBody + "\n\nUpdates with port prices."));
        var carried = await Writer.CreateAsync(Stories.Input("Kazakh grain exports seen higher", source: "Interfax", body: GrainBody + "\n\nInterfax adds: no figure for barley."));
        var other = await Writer.CreateAsync(Stories.Input("Kazakhstan wheat harvest beats forecast", body: "The Kazakhstan wheat harvest in the northern regions beat the ministry's forecast.\n\nExport prices at Aktau eased."));
        repeat.DuplicateOf.Should().Be(original.Id);
        carried.DuplicateOf.Should().Be(original.Id);

        foreach (var id in new[] { original.Id, repeat.Id, carried.Id })
        {
            var related = (await Related(id)).Select(r => r.Id).ToList();

            related.Should().NotIntersectWith([original.Id, repeat.Id, carried.Id], $"they are all one story (asked for {id})");
            related.Should().Contain(other.Id);
        }
    }

    [Fact]
    public async Task HiddenNearDuplicatesOfOtherStoriesAreNotRelatedEither()
    {
        var story = await Writer.CreateAsync(Stories.Input("Kazakhstan wheat harvest beats forecast", body: "The Kazakhstan wheat harvest in the northern regions beat the ministry's forecast.\n\nExport prices at Aktau eased."));
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: GrainBody));
        var repeat = await Writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: GrainBody + "\n\nUpdates with port prices."));

        (await Related(story.Id)).Select(r => r.Id).Should().Contain(original.Id).And.NotContain(repeat.Id);
    }

    [Fact]
    public async Task RepeatsOfADeletedOriginalAreStillNotRelatedToEachOther()
    {
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: GrainBody));
        var first = await Writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: GrainBody + "\n\nUpdates with port prices."));
        var second = await Writer.CreateAsync(Stories.Input("Kazakh grain exports seen higher", body: GrainBody + "\n\nAdds barley."));
        (await Writer.DeleteAsync($"/api/articles/{original.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{second.Id}", HttpExtensions.Json))!.DuplicateOf.Should().BeNull(
            "deleting the original unlinks its repeats, so nothing stored says the two are one story");

        (await Related(first.Id)).Select(r => r.Id).Should().NotContain(second.Id);
        (await Related(second.Id)).Select(r => r.Id).Should().NotContain(first.Id);
    }

    [Fact]
    public async Task ASharedTagOrPlaceRaisesAStoryAndEqualScoresGoToTheNewer()
    {
        var article = await Writer.CreateAsync(Stories.Input("Cocoa arrivals slow in Bahia", place: "Salvador", tags: ["cocoa"],
            body: "Cocoa arrivals in Bahia slowed as the temporao crop ripened late."));
        var older = await Writer.CreateAsync(Stories.Input("Cocoa report one", place: "London", publishedAt: "2026-03-01T08:00:00Z",
            body: "Cocoa arrivals in Bahia slowed again. Weather maps showed rain over Ilheus and Itabuna farms."));
        var newer = await Writer.CreateAsync(Stories.Input("Cocoa report two", place: "London", publishedAt: "2026-03-02T08:00:00Z",
            body: "Cocoa arrivals in Bahia slowed again. Port agents counted fewer trucks near Santos warehouses."));
        (await Related(article.Id)).Select(r => r.Id).Should().StartWith([newer.Id, older.Id], "the two match alike, and the newer wins a tie");

        await Writer.PutAsJsonAsync($"/api/articles/{older.Id}", Stories.Input("Cocoa report one", place: "London", publishedAt: "2026-03-01T08:00:00Z", tags: ["COCOA"],
            body: "Cocoa arrivals in Bahia slowed again. Weather maps showed rain over Ilheus and Itabuna farms."), HttpExtensions.Json);
        (await Related(article.Id)).Select(r => r.Id).Should().StartWith([older.Id, newer.Id], "a shared tag (in any case) raises the older");

        await Writer.PutAsJsonAsync($"/api/articles/{newer.Id}", Stories.Input("Cocoa report two", place: "salvador", publishedAt: "2026-03-02T08:00:00Z",
            body: "Cocoa arrivals in Bahia slowed again. Port agents counted fewer trucks near Santos warehouses."), HttpExtensions.Json);
        (await Related(article.Id)).Select(r => r.Id).Should().StartWith([older.Id, newer.Id], "a tag weighs more than a place");
    }

    [Fact]
    public async Task TheLimitIsFiveByDefaultAndUpToTwenty()
    {
        var first = await Writer.CreateAsync(Stories.Input("Cocoa story 0", body: "Cocoa arrivals in Bahia slowed, exporters said. Item 0 of the series: zero."));
        for (var i = 1; i < 25; i++)
        {
            await Writer.CreateAsync(Stories.Input($"Cocoa story {i}", body: $"Cocoa arrivals in Bahia slowed, exporters said. Item {i} of the series: {string.Join(' ', Enumerable.Repeat($"w{i}x", i % 4 + 1))} {i * 7919}."));
        }

        (await Related(first.Id)).Should().HaveCount(5);
        (await Related(first.Id, "?limit=1")).Should().HaveCount(1);
        (await Related(first.Id, "?limit=20")).Should().HaveCount(20);
        (await Related(first.Slug, "?limit=20")).Select(r => r.Id).Should().Equal((await Related(first.Id, "?limit=20")).Select(r => r.Id), "a slug is as good as an id");
    }

    [Fact]
    public async Task AnArticleThatSharesNoWordWithAnyOtherHasNoRelatedArticles()
    {
        var lonely = await Writer.CreateAsync(Stories.Input("Xylophones", body: "Quixotic zebras juggle xylophones."));

        (await Related(lonely.Id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=21", "limit")]
    [InlineData("?limit=five", "limit")]
    [InlineData("?limit=1&limit=2", "limit")]
    [InlineData("?limt=5", "limt")]
    public async Task BadParametersAreProblemsThatNameThem(string query, string parameter)
    {
        var response = await Reader.GetAsync("/api/articles/1/related" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Fact]
    public async Task AnUnknownArticleIsNotFound()
    {
        var response = await Reader.GetAsync("/api/articles/no-such-story/related");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Detail.Should().Contain("no-such-story");
    }

    private async Task<List<ArticleSummary>> Related(object id, string query = "")
    {
        var response = await Reader.GetAsync($"/api/articles/{id}/related{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<List<ArticleSummary>>();
    }
}
