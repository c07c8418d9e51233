using Microsoft.Data.Sqlite;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The commands and the index, as real processes on a real database file: <c>reindex</c> rebuilds the index from
/// the store with a progress bar and ends at the log's head, and refuses while a service holds the folder; the
/// command-line import leaves the index as complete as the store, or leaves it to the service that holds it.
/// </summary>
[Trait("Provider", "Sqlite")]
public sealed class LuceneCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newswire-lucene-cli-").FullName;
    private string Database => Path.Combine(_folder, "cli.db");
    private string IndexFolder => Path.Combine(_folder, "cli.index");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ReindexBuildsTheIndexFromTheStoreWithAProgressBarAndEndsAtTheLogsHead()
    {
        // Written by a service whose index is elsewhere: the default folder has none.
        await WriteAsync(25, Path.Combine(_folder, "elsewhere.index"));

        var (exitCode, output, errors) = await Run("reindex");

        exitCode.Should().Be(0, errors);
        output.Should().Contain("Reindexed 26 articles").And.Contain(IndexFolder).And.Contain($"position {await HeadAsync()}");
        errors.Should().Contain("[##############################] 100%").And.Contain("26 / 26 articles");
        IndexContents.Committed(IndexFolder).Ids.Should().BeEquivalentTo(await StoreIdsAsync());
        IndexContents.CommittedPosition(IndexFolder).Should().Be(await HeadAsync());
        LuceneDamageTests.Check(IndexFolder).Clean.Should().BeTrue();
    }

    [Fact]
    public async Task ReindexRefusesWhileAServiceHoldsTheIndexAndChangesNothing()
    {
        await using var service = new NewsWireApp(Database);
        var client = service.CreateClient();
        (await client.GetFromJsonAsync<SearchResults>("/api/search?q=Smirnov", HttpExtensions.Json))!.Total.Should().Be(1);

        var (exitCode, _, errors) = await Run("reindex");

        exitCode.Should().Be(3);
        errors.Should().Contain("in use by another NewsWire process").And.Contain("IndexPath");
        (await client.GetFromJsonAsync<SearchResults>("/api/search?q=Smirnov", HttpExtensions.Json))!.Total.Should().Be(1);
    }

    [Fact]
    public async Task ReindexWithAnUnknownArgumentPrintsTheUsage()
    {
        var (exitCode, _, errors) = await Run("reindex", "--fast");

        exitCode.Should().Be(2);
        errors.Should().Contain("Unknown argument: --fast").And.Contain("Usage: NewsWire.Api reindex");
    }

    [Fact]
    public async Task TheImportCommandLeavesTheIndexAsCompleteAsTheStore()
    {
        var file = await NdjsonAsync(300);

        var (exitCode, output, errors) = await Run("import", file);

        exitCode.Should().Be(0, errors);
        output.Should().Contain("300 created").And.Contain("Search index: up to date");
        IndexContents.Committed(IndexFolder).Ids.Should().BeEquivalentTo(await StoreIdsAsync());
        IndexContents.CommittedPosition(IndexFolder).Should().Be(await HeadAsync());
        LuceneDamageTests.Check(IndexFolder).Clean.Should().BeTrue();
    }

    [Fact]
    public async Task AnImportWhileAServiceHoldsTheIndexIsIndexedByThatService()
    {
        await using var service = new NewsWireApp(Database);
        var client = service.CreateClient();
        (await client.GetFromJsonAsync<SearchResults>("/api/search?q=zqcommand", HttpExtensions.Json))!.Total.Should().Be(0);
        var file = await NdjsonAsync(50);

        var (exitCode, output, errors) = await Run("import", file);

        exitCode.Should().Be(0, errors);
        output.Should().Contain("50 created").And.Contain("Search index not updated here").And.Contain("in use by another NewsWire process");
        (await client.GetFromJsonAsync<SearchResults>("/api/search?q=zqcommand", HttpExtensions.Json))!.Total.Should().Be(50);
    }

    private async Task WriteAsync(int count, string indexPath)
    {
        var settings = new Dictionary<string, string?>();
        settings[$"{LuceneSearchSetup.Section}:IndexPath"] = indexPath;
        await using var app = new NewsWireApp(Database, settings);
        using var writer = app.CreateWriter();
        for (var i = 0; i < count; i++)
        {
            await writer.CreateAsync(Stories.Input($"Command story {i}", body: $"zqcommand story {i}, told once."));
        }
    }

    private async Task<string> NdjsonAsync(int count)
    {
        var file = Path.Combine(_folder, "in.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, count).Select(i => System.Text.Json.JsonSerializer.Serialize(
            new { headline = $"Command story {i}", body = $"zqcommand story {i}, told in full with words of its own: zqword{i}.", source = "Reuters" })));
        return file;
    }

    private async Task<List<long>> StoreIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Articles";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<long> HeadAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(Position), 0) FROM ArticleChanges";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<(int ExitCode, string Output, string Errors)> Run(string command, params string[] arguments) =>
        CommandRun.RunAsync(_folder, Database, command, arguments);
}
