using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Storage;

/// <summary>
/// SQLite keeps the near-duplicate bands in one b-tree (ADR 32), which EF Core's model cannot express: these tests
/// hold the table to that shape after every migration, and show that an older file keeps its bands, its foreign
/// key and its near-duplicate look-ups through the rebuild.
/// </summary>
[Trait("Provider", "Sqlite")] // reads the SQLite file itself
public sealed class BandTableTests
{
    /// <summary>The last migration with the band table as EF Core created it.</summary>
    private const string LastWithRowid = "20261201134000_AddWebhooks";

    private const string Body = """
        Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        The harvest in the northern regions exceeded expectations after a wet spring and a dry, warm August.

        Wheat prices at the Aktau port fell by 3% over the week, traders said, as the first new-crop cargoes left.
        """;

    [Fact]
    public async Task AfterAllMigrationsTheBandTableHasNoRowidAndDeletingAnArticleTakesItsBands()
    {
        var path = NewPath();
        try
        {
            await using (var app = new NewsWireApp(path))
            {
                var writer = app.CreateWriter();
                var original = await writer.CreateAsync(Stories.Input("Grain exports to rise", body: Body));
                var repeat = await writer.CreateAsync(Stories.Input("Grain exports to rise (updated)", body: Body + "\n\nUpdates with port prices."));
                repeat.DuplicateOf.Should().Be(original.Id, "candidates are found through the rebuilt table");

                await using var connection = await OpenAsync(path);
                (await SqliteFile.ScalarAsync<string>(connection, "SELECT sql FROM sqlite_master WHERE name = 'ArticleBands'")).Should().Contain("WITHOUT ROWID");
                (await SqliteFile.ScalarAsync<long>(connection, $"SELECT count(*) FROM ArticleBands WHERE ArticleId = {repeat.Id}")).Should().Be(16);

                (await writer.DeleteAsync($"/api/articles/{repeat.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
                (await SqliteFile.ScalarAsync<long>(connection, $"SELECT count(*) FROM ArticleBands WHERE ArticleId = {repeat.Id}")).Should().Be(0, "the foreign key still cascades");
                (await SqliteFile.ScalarAsync<string>(connection, "PRAGMA foreign_key_check")).Should().BeNull();
                (await SqliteFile.ScalarAsync<string>(connection, "PRAGMA integrity_check")).Should().Be("ok");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task AFileFromBeforeTheRebuildKeepsEveryBandAndFindsItsNearDuplicatesAfterIt()
    {
        var path = NewPath();
        try
        {
            long original;
            await using (var old = new NewsWireApp(path))
            {
                original = (await old.CreateWriter().CreateAsync(Stories.Input("Grain exports to rise", body: Body))).Id;
                await using var scope = old.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NewsWireDb>().GetService<IMigrator>().MigrateAsync(LastWithRowid);
            }

            long bandsBefore;
            await using (var connection = await OpenAsync(path))
            {
                (await SqliteFile.ScalarAsync<string>(connection, "SELECT sql FROM sqlite_master WHERE name = 'ArticleBands'")).Should().NotContain("WITHOUT ROWID");
                bandsBefore = await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM ArticleBands");
                bandsBefore.Should().BeGreaterThanOrEqualTo(32, "the seed and the story, sixteen bands each");
            }

            await using (var upgraded = new NewsWireApp(path))
            {
                var repeat = await upgraded.CreateWriter().CreateAsync(Stories.Input("Grain exports to rise (updated)", body: Body + "\n\nUpdates with port prices."));
                repeat.DuplicateOf.Should().Be(original, "the story stored before the rebuild is still a candidate");
            }

            await using (var connection = await OpenAsync(path))
            {
                (await SqliteFile.ScalarAsync<string>(connection, "SELECT sql FROM sqlite_master WHERE name = 'ArticleBands'")).Should().Contain("WITHOUT ROWID");
                (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM ArticleBands")).Should().Be(bandsBefore + 16);
                (await SqliteFile.ScalarAsync<long>(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'IX_ArticleBands_ArticleId'")).Should().Be(1);
                (await SqliteFile.TriggersAsync(connection))
                    .Should().Be("ArticleChanges_AfterDelete,ArticleChanges_AfterInsert,ArticleChanges_AfterUpdate", "only the band table was rebuilt");
                (await SqliteFile.ScalarAsync<string>(connection, "PRAGMA integrity_check")).Should().Be("ok");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(path);
        }
    }

    private static string NewPath() => Path.Combine(Path.GetTempPath(), $"newswire-bands-{Guid.NewGuid():N}.db");

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True");
        await connection.OpenAsync();
        return connection;
    }
}
