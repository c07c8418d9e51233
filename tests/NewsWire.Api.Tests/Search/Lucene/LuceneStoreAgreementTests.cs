using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// After every write path (a POST of JSON and of wire copy, an exact and a near-duplicate, PUT, DELETE of a plain
/// article and of an original whose repeat is then shown, the bulk import), the index holds exactly the store's
/// articles, hidden exactly where the store hides them, and search finds exactly the visible ones.
/// </summary>
public sealed class LuceneStoreAgreementTests : ServiceTest
{
    private const string Mark = "zqagreement";

    private static readonly string Body = $"""
        {Mark} Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        The harvest in the northern regions exceeded expectations after a wet spring and a dry, warm August.

        Wheat prices at the Aktau port fell by 3% over the week, traders said, as the first new-crop cargoes left.
        """;

    [Fact]
    public async Task IndexAndStoreAgreeAfterAMixedSequenceOfWritesThroughEveryPath()
    {
        var plain = await Writer.CreateAsync(Stories.Input("Volcano erupts", body: $"{Mark} Lava reached Grindavik."));
        var original = await Writer.CreateAsync(Stories.Input("Grain exports to rise", body: Body));
        var repeat = await Writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: Body + "\n\nUpdates with port prices."));
        repeat.DuplicateOf.Should().Be(original.Id);
        (await Writer.PostArticleAsync(Stories.Input("Volcano erupts", body: $"{Mark} Lava reached Grindavik."))).StatusCode
            .Should().Be(HttpStatusCode.OK, "an exact duplicate is not stored again");
        var wire = await Writer.PostWireCopyAsync(Stories.KazakhGrain.Replace("Kazakhstan expects", $"{Mark} Kazakhstan expects", StringComparison.Ordinal), "?source=TASS");
        wire.StatusCode.Should().Be(HttpStatusCode.Created, "the story is new: the wire-copy path must store it");
        await AgreeAsync("after single writes");

        (await Writer.PutAsJsonAsync($"/api/articles/{plain.Id}", Stories.Input("Volcano calms", body: $"{Mark} Lava stopped short of Reykjanes."), HttpExtensions.Json))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var corrected = await Writer.CreateAsync(Stories.Input("Grain exports to rise, a second time", body: Body + "\n\nA second update."));
        corrected.DuplicateOf.Should().Be(original.Id);
        (await Writer.PutAsJsonAsync($"/api/articles/{corrected.Id}", Stories.Input("Barley stays flat", body: $"{Mark} Barley prices did not move at all this week in Kostanay."), HttpExtensions.Json))
            .StatusCode.Should().Be(HttpStatusCode.OK, "a repeat rewritten into a story of its own is shown");
        await AgreeAsync("after updates");

        (await Writer.DeleteAsync($"/api/articles/{original.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var gone = await Writer.CreateAsync(Stories.Input("Short-lived", body: $"{Mark} Deleted at once."));
        (await Writer.DeleteAsync($"/api/articles/{gone.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await AgreeAsync("after deleting an original, whose repeat is shown again, and a plain article");

        var lines = Enumerable.Range(0, 40).Select(i => Line($"Imported {i}", $"{Mark} Imported story number {i} about harbour cranes in port {i}."))
            .Append(Line("Imported 3", $"{Mark} Imported story number 3 about harbour cranes in port 3.")) // exact duplicate
            .Append(Line("Grain again", Body + "\n\nImported repeat.")) // a near-duplicate of the repeat, now an original
            .Append("{ not json");
        var import = await Writer.PostAsync("/api/articles/import", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));
        import.StatusCode.Should().Be(HttpStatusCode.OK);
        await AgreeAsync("after a bulk import");
    }

    [Fact]
    public async Task AWriteIsSearchableOnTheNextRequestWithoutWaitingForTheBackgroundTailer()
    {
        for (var i = 0; i < 20; i++)
        {
            var created = await Writer.CreateAsync(Stories.Input($"Story {i}", body: $"{Mark} zqonly{i} is written once."));
            var found = await Reader.GetFromJsonAsync<SearchResults>($"/api/search?q=zqonly{i}", HttpExtensions.Json);
            found!.Items.Select(h => h.Id).Should().Equal(created.Id);
            (await Writer.DeleteAsync($"/api/articles/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await Reader.GetFromJsonAsync<SearchResults>($"/api/search?q=zqonly{i}", HttpExtensions.Json))!.Total.Should().Be(0);
        }
    }

    /// <summary>The index's ids and hidden flags equal the store's; search finds the store's visible and all ids.</summary>
    private async Task AgreeAsync(string because)
    {
        var shown = await SearchIds(includeDuplicates: false);
        var all = await SearchIds(includeDuplicates: true);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        var store = await db.Articles.AsNoTracking().Select(a => new { a.Id, Hidden = a.DuplicateOfId != null, Marked = a.Body.Contains(Mark) }).ToListAsync();
        var index = IndexContents.Of(App.Services.GetRequiredService<LuceneTailer>().Index);

        index.Ids.Should().OnlyHaveUniqueItems(because).And.BeEquivalentTo(store.Select(a => a.Id), because);
        index.Hidden.Should().BeEquivalentTo(store.Where(a => a.Hidden).Select(a => a.Id), because);
        shown.Should().BeEquivalentTo(store.Where(a => a.Marked && !a.Hidden).Select(a => a.Id), because);
        all.Should().BeEquivalentTo(store.Where(a => a.Marked).Select(a => a.Id), because);
    }

    private async Task<List<long>> SearchIds(bool includeDuplicates)
    {
        var results = await Reader.GetFromJsonAsync<SearchResults>(
            $"/api/search?q={Mark}&limit=100&includeDuplicates={(includeDuplicates ? "true" : "false")}", HttpExtensions.Json);
        results!.Total.Should().Be(results.Items.Count);
        return results.Items.Select(h => h.Id).ToList();
    }

    private static string Line(string headline, string body) =>
        System.Text.Json.JsonSerializer.Serialize(new { headline, body, source = "Reuters", publishedAt = "2026-11-01" });
}
