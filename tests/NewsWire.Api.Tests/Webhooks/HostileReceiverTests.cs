using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>Refuses, as PostgreSQL refuses a NUL in text, every statement that would store a LastError holding
/// <see cref="Marker"/>: any provider can then show what a refused outcome does.</summary>
internal sealed class RefusingOutcomes : DbCommandInterceptor
{
    public const string Marker = "refused.example";

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("\"LastError\"", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string text && text.Contains(Marker, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The test's database refuses a LastError that holds {Marker}.");
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>What a receiver answers is written into its delivery's LastError. Nothing it can say may keep that outcome
/// from being stored (the delivery would be claimed and sent again at attempt 0, for ever), nor cost another
/// subscription's delivery in the same round its outcome.</summary>
public sealed class HostileReceiverTests : IAsyncLifetime
{
    private readonly NewsWireApp _app = NewsWireApp.OnTestProvider(WebhookSettings.Fast(),
        services => services.ConfigureDbContext<NewsWireDb>(options => options.AddInterceptors(new RefusingOutcomes())));
    private HttpClient _writer = null!;
    private WebhookReceiver _slow = null!;

    public async Task InitializeAsync()
    {
        _writer = _app.CreateWriter();
        _slow = await WebhookReceiver.StartAsync();
        // Still answering while the other delivery of the round is settled: a failure there must not cancel it.
        _slow.Answer(async _ =>
        {
            await Task.Delay(1000);
            return 200;
        });
    }

    public async Task DisposeAsync()
    {
        _writer.Dispose();
        await _app.DisposeAsync();
        await _slow.DisposeAsync();
    }

    [Fact]
    public async Task ANulInARedirectsLocationIsStoredEscapedAndTheRoundsOtherDeliverySettles()
    {
        await using var hostile = new RawReceiver(
            "HTTP/1.1 302 Found\r\nLocation: http://x.example/\0a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var redirected = await SubscribeAsync(hostile.Address);
        var slow = await SubscribeAsync(_slow);

        await _writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));

        // Within the claim's lease (9 s here): an outcome that was not stored would only show after it lapsed.
        await ExpectDeliveredOnceAsync(slow);
        var delivery = (await _writer.WaitForDeliveriesAsync(redirected.Id, d => d.Count == 1 && d[0].Attempts > 0, seconds: 8)).Single();
        delivery.LastStatus.Should().Be(302);
        delivery.LastError.Should().Contain("redirects are not followed").And.Contain("http://x.example/\\u0000a").And.NotContain("\0");
    }

    [Fact]
    public async Task AnOutcomeTheDatabaseRefusesStillCountsItsAttemptAndTheScheduleRunsOut()
    {
        await using var refused = await WebhookReceiver.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            refused.Answer(context =>
            {
                context.Response.Headers.Location = $"http://{RefusingOutcomes.Marker}/";
                return Task.FromResult(307);
            });
        }

        var redirected = await SubscribeAsync(refused);
        var slow = await SubscribeAsync(_slow);

        await _writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));

        await ExpectDeliveredOnceAsync(slow);
        var delivery = (await _writer.WaitForDeliveriesAsync(redirected.Id, d => d.Count == 1 && d[0].State == "failed", seconds: 8)).Single();
        delivery.Attempts.Should().Be(5, "every attempt counts although none of the receiver's words could be stored");
        delivery.LastStatus.Should().Be(307);
        delivery.LastError.Should().NotContain(RefusingOutcomes.Marker).And.Contain("could not be stored");
        refused.Received.Should().HaveCount(5);
    }

    private async Task<CreatedSubscription> SubscribeAsync(Uri hook) =>
        await _writer.SubscribeAsync(new { q = "harvest", webhook = new { url = hook.AbsoluteUri } });

    private async Task<CreatedSubscription> SubscribeAsync(WebhookReceiver receiver)
    {
        var created = await SubscribeAsync(new Uri(receiver.Address, "/hook"));
        receiver.Secret = created.Secret;
        return created;
    }

    private async Task ExpectDeliveredOnceAsync(CreatedSubscription subscription)
    {
        var delivery = (await _writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "delivered", seconds: 8)).Single();
        delivery.Attempts.Should().Be(1);
        _slow.Received.Should().ContainSingle("its attempt was not cancelled by the other delivery's failure, so it was not sent again");
    }
}
