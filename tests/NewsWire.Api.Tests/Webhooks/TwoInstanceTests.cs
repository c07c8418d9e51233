using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Postgres;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>
/// Two instances of the service on one store, both dispatching and delivering: every matching article is queued
/// once (one instance matches a log range) and sent once (one instance holds a claim), whichever took the write.
/// </summary>
[Trait("Provider", "Sqlite")]
public sealed class TwoInstanceTests
{
    private const int Articles = 12;

    [Fact]
    public async Task TwoInstancesOnOneSqliteFileDeliverEachMatchOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newswire-hooks-{Guid.NewGuid():N}.db");
        try
        {
            // Each instance has a search index folder of its own, as separate processes would.
            var secondIndex = WebhookSettings.Fast();
            secondIndex["NewsWire:Search:IndexPath"] = path + ".second-index";
            await using var first = new NewsWireApp(path, WebhookSettings.Fast());
            await using var second = new NewsWireApp(path, secondIndex);
            await DeliverOnceAsync(first, second);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(path);
            if (Directory.Exists(path + ".second-index"))
            {
                Directory.Delete(path + ".second-index", recursive: true);
            }
        }
    }

    [PostgresFact]
    public async Task TwoInstancesOnOnePostgresDatabaseDeliverEachMatchOnce()
    {
        await using var database = new PostgresDatabase();
        await DeliverOnceAsync(database.Instance(WebhookSettings.Fast()), database.Instance(WebhookSettings.Fast()));
    }

    private static async Task DeliverOnceAsync(NewsWireApp first, NewsWireApp second)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var writerOne = first.CreateWriter();
        using var writerTwo = second.CreateWriter();
        var subscription = await writerOne.SubscribeAsync(new { q = "harvest", webhook = new { url = new Uri(receiver.Address, "/hook").AbsoluteUri } });
        receiver.Secret = subscription.Secret;

        var writes = Enumerable.Range(0, Articles).Select(n => (n % 2 == 0 ? writerOne : writerTwo).CreateAsync(
            WebhookSettings.Story($"Harvest report {n} from region {n * 7919 % 1000}", $"Region {n} gathered {n * 37 % 100} thousand tonnes of grain {Guid.NewGuid():N}.")));
        var articles = (await Task.WhenAll(writes)).Select(a => a.Id).ToHashSet();
        await receiver.WaitForAsync(Articles);
        await Task.Delay(1000); // a second copy of any of them would arrive in this time

        receiver.Received.Should().HaveCount(Articles, "each article is sent once");
        receiver.Received.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        receiver.Received.Should().OnlyContain(r => r.SpecVerified && r.LibraryVerified);
        var pushed = receiver.Received.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement
            .GetProperty("data").GetProperty("article").GetProperty("id").GetInt64()).ToHashSet();
        pushed.Should().BeEquivalentTo(articles);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        (await db.Deliveries.CountAsync()).Should().Be(Articles);
        (await db.Deliveries.CountAsync(d => d.State == DeliveryState.Delivered && d.Attempts == 1)).Should().Be(Articles);
    }
}
