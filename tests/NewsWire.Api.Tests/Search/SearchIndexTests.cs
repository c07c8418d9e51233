using System.Net;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>The FTS5 index follows every write at once, and stays in step after all migrations have run.</summary>
public class SearchIndexTests : ServiceTest
{
    public SearchIndexTests()
    {
    }

    protected SearchIndexTests(IDictionary<string, string?> settings) : base(settings)
    {
    }

    [Fact]
    public async Task InsertsUpdatesAndDeletesShowInSearchAtOnce()
    {
        var created = await Writer.CreateAsync(Stories.Input("Volcano erupts in Iceland", body: "Lava reached the town of Grindavik."));
        (await Total("grindavik")).Should().Be(1);

        await Writer.PutAsJsonAsync($"/api/articles/{created.Id}", Stories.Input("Volcano calms in Iceland", body: "Lava stopped short of Reykjanes."), HttpExtensions.Json);
        (await Total("grindavik")).Should().Be(0);
        (await Total("reykjanes")).Should().Be(1);
        (await Total("headline:calms")).Should().Be(1);

        await Writer.DeleteAsync($"/api/articles/{created.Id}");
        (await Total("reykjanes")).Should().Be(0);
        (await Total("volcano")).Should().Be(0);
    }

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Fact]
    public async Task AfterAllMigrationsTheIndexHasItsTriggersAndPassesIntegrityCheck()
    {
        await Writer.CreateAsync(Stories.Input("Integrity story"));
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        await connection.OpenAsync();

        var triggers = await Scalar(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)");
        triggers.Should().Be("ArticleChanges_AfterDelete,ArticleChanges_AfterInsert,ArticleChanges_AfterUpdate," +
            "ArticleSearch_AfterDelete,ArticleSearch_AfterInsert,ArticleSearch_AfterUpdate",
            "a migration that rebuilds Articles drops its triggers; it must create them again");

        // 'integrity-check' with rank 1 compares the index with the content table row by row.
        await Scalar(connection, "INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('integrity-check', 1)");
        (await Scalar(connection, "SELECT count(*) FROM ArticleSearch")).Should().Be(await Scalar(connection, "SELECT count(*) FROM Articles"));
    }

    [Fact]
    public async Task TheSeededReportIsIndexedOnFirstStart()
    {
        (await Total("Smirnov")).Should().Be(1);
    }

    private async Task<int> Total(string q)
    {
        var response = await Reader.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.ReadAsAsync<SearchResults>()).Total;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
