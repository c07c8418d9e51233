using Npgsql;
using NewsWire.Storage.Postgres;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// What the cache and read-your-writes rest on, on PostgreSQL as <see cref="Data.DatabaseVersionTests"/> checks
/// it on SQLite: once an appended log entry has committed, every reading of the head that starts afterwards sees
/// it, however many callers share one reading.
/// </summary>
public sealed class PostgresDatabaseVersionTests
{
    [PostgresFact]
    public async Task EveryReadingAfterACommitSeesIt()
    {
        await using var database = new PostgresDatabase(migrated: true);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var version = new PostgresDatabaseVersion(dataSource, TimeSpan.Zero, TimeProvider.System);

        for (var round = 0; round < 30; round++)
        {
            var before = version.Current();
            await using (var insert = dataSource.CreateCommand(
                "INSERT INTO \"ArticleChanges\" (\"ArticleId\", \"Kind\", \"ChangedAt\") VALUES ($1, 'Updated', now() AT TIME ZONE 'utc')"))
            {
                insert.Parameters.AddWithValue((long)round);
                await insert.ExecuteNonQueryAsync();
            }

            // Many callers at once, as under load, so that most of them take a reading another one started.
            var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(version.Current)));

            after.Should().AllSatisfy(value => value.Should().BeGreaterThan(before), "round {0}", round);
        }
    }
}
