using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>A listing's total is remembered per filter set until the database changes; it must never lag a write.</summary>
public sealed class ListingTotalTests : ServiceTest
{
    [Fact]
    public async Task TheTotalFollowsEveryWrite()
    {
        (await TotalAsync("")).Should().Be(1, "the TASS report is there from the start");
        (await TotalAsync("")).Should().Be(1);

        var created = await Writer.CreateAsync(Stories.Input("Second story"));
        (await TotalAsync("")).Should().Be(2);

        (await Writer.DeleteAsync($"/api/articles/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await TotalAsync("")).Should().Be(1);
    }

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Fact]
    public async Task AChangeMadeOutsideTheServiceIsCountedAtOnce()
    {
        var created = await Writer.CreateAsync(Stories.Input("Soon a duplicate"));
        (await TotalAsync("")).Should().Be(2);

        await using (var outside = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await outside.OpenAsync();
            await using var update = outside.CreateCommand();
            update.CommandText = $"UPDATE Articles SET DuplicateOfId = 1 WHERE Id = {created.Id};";
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        (await TotalAsync("")).Should().Be(1, "near-duplicates are hidden from listings");
        (await TotalAsync("?includeDuplicates=true")).Should().Be(2);
    }

    [Fact]
    public async Task EachFilterSetHasItsOwnTotal()
    {
        await Writer.CreateAsync(Stories.Input("One", source: "Reuters", tags: ["grain"]));
        await Writer.CreateAsync(Stories.Input("Two", source: "Reuters"));
        await Writer.CreateAsync(Stories.Input("Three", source: "dpa", tags: ["grain"]));

        (await TotalAsync("")).Should().Be(4);
        (await TotalAsync("?source=Reuters")).Should().Be(2);
        (await TotalAsync("?source=dpa")).Should().Be(1);
        (await TotalAsync("?source=Reuters&source=dpa")).Should().Be(3);
        (await TotalAsync("?tag=grain")).Should().Be(2);
        (await TotalAsync("?tag=grain&source=dpa")).Should().Be(1);
        (await TotalAsync("?from=2026-03-02")).Should().Be(0);
        (await TotalAsync("?source=Reuters")).Should().Be(2, "asked again, from memory");
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("1:a,1:b")]
    public async Task OneValueIsNeverTakenForTwo(string source)
    {
        // Asked first, the one-value filter's total is remembered; a key that joined values with a
        // separator would then answer the two-value filter with it.
        await Writer.CreateAsync(Stories.Input("Odd source", source: source));

        (await TotalAsync("?source=" + Uri.EscapeDataString(source))).Should().Be(1);
        (await TotalAsync("?source=a&source=b")).Should().Be(0);
        (await TotalAsync("?source=1:a&source=1:b")).Should().Be(0);
    }

    private async Task<int> TotalAsync(string query) =>
        (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles" + query, HttpExtensions.Json))!.Total;
}
