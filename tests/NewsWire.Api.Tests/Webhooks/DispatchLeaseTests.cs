using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Postgres;
using NewsWire.Storage;
using NewsWire.Storage.Postgres;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>
/// The dispatcher's lease (ADR 31): of the instances on one store, one at a time holds it, and another gets it as
/// soon as it is let go. Each provider is built twice, as two instances would build it.
/// </summary>
public sealed class DispatchLeaseTests
{
    [Fact]
    public async Task OneInstanceOnASqliteFileLeadsAndAnotherTakesOverWhenItLetsGo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newswire-lease-{Guid.NewGuid():N}.db");
        try
        {
            var connection = $"Data Source={path}";
            await TakesTurnsAsync(Locks(s => s.AddSqliteStorage(connection)), Locks(s => s.AddSqliteStorage(connection)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task ADatabaseInMemoryAlwaysLeads()
    {
        var locks = Locks(s => s.AddSqliteStorage("Data Source=:memory:"));
        await using var first = await locks.TryLeadDispatchAsync(CancellationToken.None);
        await using var second = await locks.TryLeadDispatchAsync(CancellationToken.None);
        first.Should().NotBeNull();
        second.Should().NotBeNull("a database in memory belongs to one process");
    }

    [PostgresFact]
    public async Task OneInstanceOnAPostgresDatabaseLeadsAndAnotherTakesOverWhenItLetsGo()
    {
        await using var database = new PostgresDatabase();
        await TakesTurnsAsync(
            Locks(s => s.AddPostgresStorage(database.ConnectionString, TimeSpan.Zero)),
            Locks(s => s.AddPostgresStorage(database.ConnectionString, TimeSpan.Zero)));
    }

    private static async Task TakesTurnsAsync(IWebhookLocks one, IWebhookLocks two)
    {
        var first = await one.TryLeadDispatchAsync(CancellationToken.None);
        first.Should().NotBeNull("nobody leads yet");
        (await first!.IsHeldAsync(CancellationToken.None)).Should().BeTrue();
        (await two.TryLeadDispatchAsync(CancellationToken.None)).Should().BeNull("the first instance leads");
        (await one.TryLeadDispatchAsync(CancellationToken.None)).Should().BeNull("a lease is not taken twice, even by its holder");

        await first.DisposeAsync();

        await using var second = await two.TryLeadDispatchAsync(CancellationToken.None);
        second.Should().NotBeNull("the first let go");
        (await second!.IsHeldAsync(CancellationToken.None)).Should().BeTrue();
    }

    private static IWebhookLocks Locks(Action<IServiceCollection> storage)
    {
        var services = new ServiceCollection();
        storage(services);
        return services.BuildServiceProvider().GetRequiredService<IWebhookLocks>();
    }
}
