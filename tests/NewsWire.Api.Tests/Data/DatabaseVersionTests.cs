using Microsoft.Data.Sqlite;
using NewsWire.Api.Data;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Tests.Data;

/// <summary>
/// The cache's whole guarantee rests on this: once a commit that changed the log has returned, every reading
/// of the version (the log's head) that starts afterwards differs from every reading taken before it, however
/// many callers share readings.
/// </summary>
public sealed class DatabaseVersionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"newswire-version-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EveryReadingAfterACommitSeesIt()
    {
        await using var writer = new SqliteConnection($"Data Source={_path};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(writer, LogTable);
        using var version = new SqliteDatabaseVersion($"Data Source={_path};Pooling=False");

        for (var round = 0; round < 50; round++)
        {
            var before = await version.CurrentAsync(CancellationToken.None);
            await ExecuteAsync(writer, $"INSERT INTO ArticleChanges (ArticleId) VALUES ({round});");

            // Many callers at once, as under load, so that most of them take a reading another one started.
            var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => version.CurrentAsync(CancellationToken.None).AsTask())));

            after.Should().AllSatisfy(value => value.Should().NotBe(before), "round {0}", round);
        }
    }

    [Fact]
    public async Task WithoutAChangeToTheLogTheVersionStaysPut()
    {
        await using var writer = new SqliteConnection($"Data Source={_path};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(writer, LogTable + "CREATE TABLE t (x INTEGER);");
        using var version = new SqliteDatabaseVersion($"Data Source={_path};Pooling=False");

        var before = await version.CurrentAsync(CancellationToken.None);
        await ExecuteAsync(writer, "INSERT INTO t VALUES (1);");

        (await version.CurrentAsync(CancellationToken.None)).Should().Be(before).And.Be(await version.CurrentAsync(CancellationToken.None));
    }

    private const string LogTable =
        "PRAGMA journal_mode = WAL; CREATE TABLE ArticleChanges (Position INTEGER PRIMARY KEY AUTOINCREMENT, ArticleId INTEGER);";

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        NewsWireApp.DeleteDatabase(_path);
    }
}
