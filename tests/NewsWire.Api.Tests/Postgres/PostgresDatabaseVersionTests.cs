using Npgsql;
using NewsWire.Storage.Postgres;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// What the cache and read-your-writes rest on, on PostgreSQL as <see cref="Data.DatabaseVersionTests"/> checks
/// it on SQLite: once an appended log entry has committed, every reading of the head asked for afterwards sees it,
/// however many callers share readings (the rule itself, step by step: <see cref="Data.SharedReadingTests"/>).
/// </summary>
public sealed class PostgresDatabaseVersionTests
{
    [PostgresFact]
    public async Task EveryReadingAskedForAfterACommitSeesIt()
    {
        await using var database = new PostgresDatabase(migrated: true);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var version = new PostgresDatabaseVersion(dataSource, TimeSpan.Zero, TimeProvider.System);

        for (var round = 0; round < 30; round++)
        {
            var before = await version.CurrentAsync(CancellationToken.None);
            await AppendAsync(dataSource, round);

            // Many callers at once, as under load, so that most of them share a reading another one started.
            var after = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => version.CurrentAsync(CancellationToken.None).AsTask())));

            after.Should().AllSatisfy(value => value.Should().BeGreaterThan(before), "round {0}", round);
        }
    }

    [PostgresFact]
    public async Task WithAStalenessAllowanceAReadingIsReusedForThatLongAndNoLonger()
    {
        await using var database = new PostgresDatabase(migrated: true);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var clock = new ManualClock();
        await using var version = new PostgresDatabaseVersion(dataSource, TimeSpan.FromSeconds(1), clock);

        var first = await version.CurrentAsync(CancellationToken.None);
        await AppendAsync(dataSource, 1);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        (await version.CurrentAsync(CancellationToken.None)).Should().Be(first, "the operator allowed a second's staleness");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await version.CurrentAsync(CancellationToken.None)).Should().BeGreaterThan(first);
    }

    [PostgresFact]
    public async Task AKeptConnectionThatTheServerClosedIsReplacedWithoutFailingTheReading()
    {
        await using var database = new PostgresDatabase(migrated: true);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var version = new PostgresDatabaseVersion(dataSource, TimeSpan.Zero, TimeProvider.System);
        var before = await version.CurrentAsync(CancellationToken.None);

        // What a server restart or an idle-session timeout does to the connection the readings keep.
        await using (var terminate = dataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        {
            ((long)(await terminate.ExecuteScalarAsync())!).Should().BeGreaterThan(0);
        }

        await AppendAsync(dataSource, 1);

        (await version.CurrentAsync(CancellationToken.None)).Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task AServerThatCannotBeReachedFailsTheCallerWithTheDriversErrorNotACancellation()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        await using var version = new PostgresDatabaseVersion(dataSource, TimeSpan.Zero, TimeProvider.System);

        var reading = () => version.CurrentAsync(CancellationToken.None).AsTask();

        (await reading.Should().ThrowAsync<Exception>()).Which.Should().NotBeAssignableTo<OperationCanceledException>(
            "a failed reading is the server's fault, never reported as the client having gone (499)");
    }

    private static async Task AppendAsync(NpgsqlDataSource dataSource, long articleId)
    {
        await using var insert = dataSource.CreateCommand(
            "INSERT INTO \"ArticleChanges\" (\"ArticleId\", \"Kind\", \"ChangedAt\") VALUES ($1, 'Updated', now() AT TIME ZONE 'utc')");
        insert.Parameters.AddWithValue(articleId);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>A clock the test moves, so the staleness allowance is checked without waiting for it.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
