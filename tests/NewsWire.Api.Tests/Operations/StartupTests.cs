using System.Net;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

public sealed class StartupTests
{
    [Fact]
    public async Task AnExistingDatabaseIsNeverReseeded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newswire-restart-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = new NewsWireApp(path))
            {
                (await first.CreateWriter().DeleteAsync("/api/articles/1")).StatusCode.Should().Be(HttpStatusCode.NoContent);
                await first.CreateWriter().CreateAsync(Stories.Input("Kept across restarts"));
            }

            await using var second = new NewsWireApp(path);
            var page = await second.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json);

            page!.Items.Select(i => i.Headline).Should().Equal("Kept across restarts");
        }
        finally
        {
            NewsWireApp.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task TheDatabaseRunsInWalMode()
    {
        await using var app = new NewsWireApp();
        await app.CreateClient().GetAsync("/health");

        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        (await command.ExecuteScalarAsync()).Should().Be("wal");
    }

    [Fact]
    public async Task HealthIs200WhenTheDatabaseAnswers()
    {
        await using var app = new NewsWireApp();

        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("healthy");
    }

    [Fact]
    public async Task HealthIs503WhenTheDatabaseIsGoneAndDoesNotEchoTheEngine()
    {
        await using var app = new NewsWireApp();
        await app.CreateClient().GetAsync("/health");
        // Make the file unreadable as a database: the next connection fails to open it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + suffix);
        }

        await File.WriteAllTextAsync(app.DatabasePath, "this is not a database, just some text that is long enough to fill a header page");

        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        // The probe is public: the engine's own words stay in the log.
        (await response.Content.ReadAsStringAsync()).Should().NotContainAny("SQLite", "file is not a database");
    }
}
