using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Data;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>The search index follows every write at once; the seed is found on first start; the SQLite file
/// keeps no index of its own after all migrations, and an older file upgrades to that cleanly.</summary>
public sealed class SearchIndexTests : ServiceTest
{
    /// <summary>The last migration that still had FTS5: a database from before Lucene became the engine.</summary>
    private const string LastWithFts5 = "20261201102547_AddChangeLog";

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

    [Fact]
    public async Task TheSeededReportIsIndexedOnFirstStart()
    {
        (await Total("Smirnov")).Should().Be(1);
    }

    [Fact]
    public async Task TheSeedsSubHeadingsAreSearchedToo()
    {
        // "serious" stands only in a sub-heading of the seeded TASS report (FTS5 indexed no sub-heading).
        (await Total("serious")).Should().Be(1);
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // the index folder beside the SQLite file
    public async Task TheIndexLivesBesideTheDatabaseFile()
    {
        await Total("serious");

        Directory.Exists(Path.ChangeExtension(App.DatabasePath, ".index")).Should().BeTrue();
    }

    [Fact]
    public async Task APrefixPastTheBudgetIsA400NamingQ()
    {
        for (var i = 0; i < 3; i++)
        {
            await Writer.CreateAsync(Stories.Input($"Story {i}", body: string.Join(' ', Enumerable.Range(0, 400).Select(n => $"zq{i}x{n}"))));
        }

        var response = await Reader.GetAsync("/api/search?q=zq*");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["q"].Single().Should().Contain("stands for more than 1,000 different words");
    }

    [Trait("Provider", "Sqlite")] // reads the SQLite file itself
    [Fact]
    public async Task AfterAllMigrationsOnlyTheChangeLogTriggersAreLeftAndNoFullTextTable()
    {
        await Writer.CreateAsync(Stories.Input("Integrity story"));
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath}");
        await connection.OpenAsync();

        (await SqliteFile.TriggersAsync(connection)).Should().Be("ArticleChanges_AfterDelete,ArticleChanges_AfterInsert,ArticleChanges_AfterUpdate",
            "a migration that rebuilds Articles drops its triggers; it must create the change log's again");
        (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ArticleSearch%'")).Should().Be(0L);
        (await SqliteFile.ScalarAsync<string>(connection, "PRAGMA integrity_check")).Should().Be("ok");
    }

    [Trait("Provider", "Sqlite")] // migrates a SQLite file step by step
    [Fact]
    public async Task ADatabaseThatHadTheFullTextIndexUpgradesWithItsArticlesAndChangeLogIntact()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newswire-fts5-{Guid.NewGuid():N}.db");
        try
        {
            await using (var old = new NewsWireApp(path))
            {
                // The service migrates to the end on start; take this file back to before the drop, with an article
                // in it, as a database of that time was.
                await old.CreateWriter().CreateAsync(Stories.Input("Geyser erupts at Strokkur", body: "Tourists at Strokkur watched it blow."));
                await using var scope = old.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NewsWireDb>().GetService<IMigrator>().MigrateAsync(LastWithFts5);
            }

            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                (await SqliteFile.TriggersAsync(connection)).Should().Contain("ArticleSearch_AfterInsert", "the old file has FTS5 again");
                (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH 'strokkur'")).Should().Be(1L);
            }

            await using (var upgraded = new NewsWireApp(path))
            {
                var writer = upgraded.CreateWriter();
                var response = await writer.PostAsJsonAsync("/api/articles", Stories.Input("Geyser calms at Strokkur", body: "Strokkur paused for an hour."), HttpExtensions.Json);
                response.StatusCode.Should().Be(HttpStatusCode.Created);
                var results = await upgraded.CreateClient().GetFromJsonAsync<SearchResults>("/api/search?q=strokkur", HttpExtensions.Json);
                results!.Total.Should().Be(2, "the article from before the upgrade and the one after are both found");
            }

            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                (await SqliteFile.TriggersAsync(connection)).Should().Be("ArticleChanges_AfterDelete,ArticleChanges_AfterInsert,ArticleChanges_AfterUpdate");
                (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ArticleSearch%'")).Should().Be(0L);
                (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM ArticleChanges WHERE Kind = 'Created'")).Should().Be(3L, "the seed and the two stories");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(path);
        }
    }

    private async Task<int> Total(string q)
    {
        var response = await Reader.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.ReadAsAsync<SearchResults>()).Total;
    }
}
