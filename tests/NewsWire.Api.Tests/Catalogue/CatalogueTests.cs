using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Catalogue;

public sealed class CatalogueTests : ServiceTest
{
    private const string GrainBody = """
        Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        The harvest in the northern regions exceeded expectations after a wet spring and a dry, warm August.

        Wheat prices at the Aktau port fell by 3% over the week, traders said, as the first new-crop cargoes left.
        """;

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Fact]
    public async Task EveryCountIsTheListingTotalAfterEveryKindOfWrite()
    {
        await CatalogueMatchesTheListing("the seeded TASS report");

        var grain = await Writer.CreateAsync(Stories.Input("Grain exports to rise", source: "TASS", place: "Astana", tags: ["grain", "kazakhstan"], body: GrainBody));
        var oil = await Writer.CreateAsync(Stories.Input("Oil prices rise", source: "Reuters", place: "London", tags: ["oil"]));
        await Writer.CreateAsync(Stories.Input("Oil prices fall", source: "REUTERS", place: "london", tags: ["Oil", "opec"]));
        await Writer.CreateAsync(Stories.Input("Zürich bank fined", source: "AFP", place: "Zürich", tags: ["banking"]));
        await CatalogueMatchesTheListing("after creates");

        var repeat = await Writer.CreateAsync(Stories.Input("Kazakh grain exports seen higher", source: "Interfax", place: "Almaty", tags: ["grain", "barley"], body: GrainBody + "\n\nInterfax adds: no figure for barley."));
        repeat.DuplicateOf.Should().Be(grain.Id);
        await CatalogueMatchesTheListing("after a near-duplicate, which is hidden");
        (await Catalogue("sources")).Select(v => v.Value).Should().NotContain("Interfax");
        (await Catalogue("tags")).Select(v => v.Value).Should().NotContain("barley");

        (await Writer.PutAsJsonAsync($"/api/articles/{oil.Id}", Stories.Input("Oil prices rise", source: "dpa", place: "Berlin", tags: ["energy"]), HttpExtensions.Json))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await CatalogueMatchesTheListing("after an update moved an article to another source, place and tags");

        (await Writer.DeleteAsync($"/api/articles/{grain.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await CatalogueMatchesTheListing("after deleting an original, which unlinks its repeat");
        (await Catalogue("sources")).Select(v => v.Value).Should().Contain("Interfax");

        var ndjson = """
            {"headline":"Cocoa arrivals slow","body":"Cocoa arrivals slowed this week.","source":"Reuters","place":"Salvador","tags":["cocoa"]}
            {"headline":"Cocoa prices firm","body":"Cocoa prices firmed in London.","source":"Reuters","place":"London","tags":["cocoa"]}
            """;
        (await Writer.PostAsync("/api/articles/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await CatalogueMatchesTheListing("after a bulk import");

        await using (var outside = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await outside.OpenAsync();
            await using var update = outside.CreateCommand();
            update.CommandText = "UPDATE Articles SET Source = 'Xinhua' WHERE Source = 'AFP';";
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await CatalogueMatchesTheListing("after another process wrote to the file");
        (await Catalogue("sources")).Should().ContainEquivalentOf(new FacetValue { Value = "Xinhua", Count = 1 });
    }

    [Fact]
    public async Task MostUsedComesFirstAndLimitKeepsTheMostUsed()
    {
        foreach (var (headline, tag) in new[] { ("A", "rare"), ("B", "common"), ("C", "common"), ("D", "common"), ("E", "middle"), ("F", "middle") })
        {
            await Writer.CreateAsync(Stories.Input($"Story {headline}", tags: [tag]));
        }

        (await Catalogue("tags")).Select(v => (v.Value, v.Count)).Should().Equal(
            ("common", 3), ("middle", 2), ("islamic-state", 1), ("rare", 1), ("refugees", 1), ("terrorism", 1));
        (await Catalogue("tags?limit=2")).Select(v => v.Value).Should().Equal("common", "middle");
        (await Catalogue("sources")).Should().Equal(
            new FacetValue { Value = "Reuters", Count = 6 }, new FacetValue { Value = "TASS", Count = 1 });
    }

    [Fact]
    public async Task APrefixIgnoresCaseAndDiacritics()
    {
        foreach (var place in new[] { "Zürich", "Zug", "Zagreb", "Москва", "New York" })
        {
            await Writer.CreateAsync(Stories.Input($"News from {place}", place: place));
        }

        (await Catalogue("places?prefix=zu")).Select(v => v.Value).Should().BeEquivalentTo("Zürich", "Zug");
        (await Catalogue("places?prefix=ZÜR")).Select(v => v.Value).Should().Equal("Zürich");
        (await Catalogue("places?prefix=" + Uri.EscapeDataString("мос"))).Select(v => v.Value).Should().Equal("Москва");
        (await Catalogue("places?prefix=new%20y")).Select(v => v.Value).Should().Equal("New York");
        (await Catalogue("places?prefix=tash")).Select(v => v.Value).Should().Equal("Tashkent");
        (await Catalogue("places?prefix=q")).Should().BeEmpty();
        (await Catalogue("places?prefix=")).Should().HaveCount(6, "an empty prefix, as an empty search box sends, keeps everything");
    }

    [Theory]
    [InlineData("sources?limit=0", "limit")]
    [InlineData("tags?limit=1001", "limit")]
    [InlineData("places?limit=ten", "limit")]
    [InlineData("places?limit=-1", "limit")]
    [InlineData("sources?limit=5&limit=6", "limit")]
    [InlineData("tags?limt=5", "limt")]
    [InlineData("places?source=TASS", "source")]
    public async Task BadParametersAreProblemsThatNameThem(string path, string parameter)
    {
        var response = await Reader.GetAsync("/api/" + path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("%22%3Cscript%3E")]
    [InlineData("%CC%88")]
    public async Task AnyPrefixIsAnAnswer(string prefix)
    {
        foreach (var list in new[] { "sources", "tags", "places" })
        {
            (await Reader.GetAsync($"/api/{list}?prefix={prefix}")).StatusCode.Should().Be(HttpStatusCode.OK, $"{list}?prefix={prefix}");
        }
    }

    [Fact]
    public async Task APrefixLongerThanAnyValueIsAProblem()
    {
        var response = await Reader.GetAsync("/api/tags?prefix=" + new string('a', 101));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("prefix");
    }

    /// <summary>
    /// Two oracles: the counts grouped here from the whole listing, read page by page, and the listing's own
    /// total for each value, filtered as a client would filter by it.
    /// </summary>
    private async Task CatalogueMatchesTheListing(string because)
    {
        var articles = new List<ArticleSummary>();
        string? cursor = null;
        do
        {
            var page = (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles?limit=100" + (cursor is null ? "" : "&cursor=" + cursor), HttpExtensions.Json))!;
            articles.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        foreach (var (kind, filter, values) in new (string, string, Func<ArticleSummary, IEnumerable<string?>>)[]
                 {
                     ("sources", "source", a => [a.Source]), ("places", "place", a => [a.Place]), ("tags", "tag", a => a.Tags),
                 })
        {
            var expected = articles.SelectMany(values).OfType<string>()
                .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key.ToUpperInvariant(), g => g.Count());
            var catalogue = await Catalogue(kind + "?limit=1000");

            catalogue.ToDictionary(v => v.Value.ToUpperInvariant(), v => v.Count).Should().BeEquivalentTo(expected, $"{kind} {because}");
            catalogue.Select(v => v.Count).Should().BeInDescendingOrder($"{kind} {because}");
            foreach (var value in catalogue)
            {
                var total = (await Reader.GetFromJsonAsync<ArticlePage>($"/api/articles?{filter}={Uri.EscapeDataString(value.Value)}&limit=1", HttpExtensions.Json))!.Total;
                total.Should().Be(value.Count, $"{kind} '{value.Value}' {because}");
            }
        }
    }

    private async Task<List<FacetValue>> Catalogue(string path)
    {
        var response = await Reader.GetAsync("/api/" + path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<List<FacetValue>>();
    }
}
