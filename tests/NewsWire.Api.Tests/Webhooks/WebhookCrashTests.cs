using Microsoft.Data.Sqlite;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Resilience;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>
/// SIGKILL between an article's commit and its delivery, then a restart on the same file: the delivery is not
/// lost. Delivery is at least once: a process killed after the receiver got a request but before it stored the
/// answer sends it again, with the same <c>webhook-id</c>, so a receiver that keeps the ids it processed (as the
/// Standard Webhooks specification asks) processes it once. Killed before it sent anything, it sends exactly once.
/// </summary>
[Trait("Provider", "Sqlite")]
public sealed class WebhookCrashTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"newswire-hook-crash-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        NewsWireApp.DeleteDatabase(_database);
    }

    private static Dictionary<string, string> Settings(int pollMs) => new()
    {
        ["NewsWire__Webhooks__AllowPrivateNetworks"] = "true",
        ["NewsWire__Webhooks__PollIntervalMs"] = pollMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NewsWire__Webhooks__AttemptTimeoutSeconds"] = "1",
        ["NewsWire__Webhooks__JitterPercent"] = "0",
        ["NewsWire__Webhooks__RetryDelays__0"] = "00:00:00.200",
    };

    [Fact]
    public async Task KilledAfterTheCommitAndBeforeMatchingTheArticleIsDeliveredExactlyOnceAfterARestart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        long article;
        // A dispatcher that polls once a minute has matched nothing of what is written after its first round.
        await using (var service = await ServiceProcess.StartAsync(_database, Settings(pollMs: 60_000)))
        {
            using var client = service.CreateClient();
            var subscription = await client.SubscribeAsync(new { q = "harvest", webhook = new { url = new Uri(receiver.Address, "/hook").AbsoluteUri } });
            receiver.Secret = subscription.Secret;
            article = (await client.CreateAsync(WebhookSettings.Story("Harvest beats forecast"))).Id;
            await service.KillAsync();
        }

        receiver.Received.Should().BeEmpty("the service died before it matched the article");
        await using (var restarted = await ServiceProcess.StartAsync(_database, Settings(pollMs: 50)))
        {
            await receiver.WaitForAsync(1);
            await Task.Delay(1000);
        }

        receiver.Received.Should().ContainSingle();
        var received = receiver.Received.Single();
        received.SpecVerified.Should().BeTrue();
        received.Body.Should().Contain($"\"id\":{article},");
    }

    [Fact]
    public async Task KilledMidAttemptTheDeliveryIsSentAgainWithTheSameIdAfterARestart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var arrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        receiver.Answer(async _ =>
        {
            arrived.TrySetResult();
            await release.Task; // the answer never reaches the killed service
            return 200;
        });

        await using (var service = await ServiceProcess.StartAsync(_database, Settings(pollMs: 50)))
        {
            using var client = service.CreateClient();
            var subscription = await client.SubscribeAsync(new { q = "harvest", webhook = new { url = new Uri(receiver.Address, "/hook").AbsoluteUri } });
            receiver.Secret = subscription.Secret;
            await client.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await service.KillAsync();
            release.SetResult();
        }

        await using (var restarted = await ServiceProcess.StartAsync(_database, Settings(pollMs: 50)))
        {
            await receiver.WaitForAsync(2, TimeSpan.FromSeconds(60)); // once the killed instance's claim has lapsed
            using var client = restarted.CreateClient();
            await Task.Delay(1000);
            var subscriptions = await (await client.GetAsync("/api/subscriptions")).ReadAsAsync<NewsWire.Api.Webhooks.SubscriptionPage>();
            var delivery = (await client.DeliveriesAsync(subscriptions.Items.Single().Id)).Single();
            delivery.State.Should().Be("delivered");
        }

        receiver.Received.Should().HaveCount(2, "the first copy's answer died with the service");
        receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("a repeat carries the same webhook-id, so the receiver can drop it");
        receiver.Received.Select(r => r.Body).Distinct().Should().ContainSingle("and the same body");
        receiver.Received.Should().OnlyContain(r => r.SpecVerified && r.LibraryVerified);
    }
}
