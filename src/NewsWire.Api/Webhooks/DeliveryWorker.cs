using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// Sends what the queue holds (ADR 27): claims due deliveries (each instance its own, under the provider's lock),
/// makes one attempt of each, and stores the outcome only while its claim still holds, so a delivery is never
/// attempted by two instances at once. 2xx delivers; 410 disables the subscription and cancels what it had
/// pending; anything else is retried by the <see cref="RetrySchedule"/> until it is spent. A claim outlives the
/// attempt's timeout by a margin; an instance that dies mid-attempt leaves its claim to lapse, and the delivery is
/// tried again with the same <c>webhook-id</c>: at least once.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, IWebhookLocks locks, WebhookSender sender, RetrySchedule schedule, WebhookSignals signals,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int MaxErrorLength = 1000;
    private const string UnstoredError = "The attempt failed, but why could not be stored; the service's log has it.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var poll = TimeSpan.FromMilliseconds(settings.PollIntervalMs);
        var lease = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds * 2 + 5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IReadOnlyList<ClaimedDelivery> claimed;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
                    claimed = await DeliveryClaims.ClaimAsync(db, locks, clock.GetUtcNow().UtcDateTime, lease, settings.Concurrency, stoppingToken);
                }

                if (claimed.Count == 0)
                {
                    await signals.WaitForDeliveriesAsync(poll, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = stoppingToken },
                    async (delivery, cancellationToken) => await AttemptAloneAsync(delivery, cancellationToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or unreachable database, or anything else: claims not recorded lapse, and the next round
                // tries again. Every exception is caught, since one escaping a BackgroundService stops the host.
                LogRoundFailed(e);
                try
                {
                    await Task.Delay(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One delivery's fault is its own: thrown out of the loop's body, it would cancel every other attempt of the
    /// round, sent or not, and their outcomes would be lost with it. Logged; its claim lapses and it is tried again.
    /// </summary>
    private async Task AttemptAloneAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(delivery, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(e, delivery.Id, delivery.SubscriptionId);
        }
    }

    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        var subscription = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Id == delivery.SubscriptionId)
            .Select(s => new { s.WebhookUrl, s.Secret, s.DisabledAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            return; // deleted while claimed: its deliveries went with it
        }

        var mine = db.Deliveries.Where(d => d.Id == delivery.Id && d.ClaimToken == delivery.Token);
        if (subscription.DisabledAt is not null)
        {
            await SettleAsync(mine, d => d
                .SetProperty(x => x.State, DeliveryState.Cancelled).SetProperty(x => x.NextAttemptAt, (DateTime?)null), cancellationToken);
            return;
        }

        var result = await sender.SendAsync(subscription.WebhookUrl, subscription.Secret, WebhookSender.MessageId(delivery.Id), delivery.Payload, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = delivery.Attempts + 1;
        var error = result.Error is null ? null : VisibleText.Bounded(result.Error, MaxErrorLength);
        if (result.Delivered)
        {
            await SettleAsync(mine, d => d
                .SetProperty(x => x.State, DeliveryState.Delivered).SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.LastStatus, result.Status).SetProperty(x => x.LastError, (string?)null)
                .SetProperty(x => x.DeliveredAt, now).SetProperty(x => x.NextAttemptAt, (DateTime?)null), cancellationToken);
            return;
        }

        if (result.Gone)
        {
            await DisableAsync(db, mine, delivery.SubscriptionId, attempts, now, cancellationToken);
            return;
        }

        var next = schedule.Next(attempts, now, result.RetryAfter);
        var state = next is null ? DeliveryState.Failed : DeliveryState.Pending;
        Task<int> Failed(string? lastError) => SettleAsync(mine, d => d
            .SetProperty(x => x.State, state).SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LastStatus, result.Status).SetProperty(x => x.LastError, lastError)
            .SetProperty(x => x.NextAttemptAt, next), cancellationToken);
        try
        {
            await Failed(error);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The error is the one part of the outcome the receiver writes. Should the database still refuse it,
            // the attempt is stored without it: unstored, it would be claimed and sent again at attempt 0 for ever.
            LogErrorNotStored(e, delivery.Id, delivery.SubscriptionId, error);
            error = UnstoredError;
            await Failed(error);
        }

        if (next is null)
        {
            LogGaveUp(delivery.Id, delivery.SubscriptionId, attempts, error);
        }
    }

    /// <summary>410 Gone: the receiver wants no more. The subscription is disabled and nothing it had pending is sent.</summary>
    private async Task DisableAsync(NewsWireDb db, IQueryable<Delivery> mine, long subscriptionId, int attempts, DateTime now, CancellationToken cancellationToken)
    {
        const string Reason = "The receiver answered 410 Gone.";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = await SettleAsync(mine, d => d
            .SetProperty(x => x.State, DeliveryState.Cancelled).SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.LastStatus, 410).SetProperty(x => x.LastError, Reason + " The subscription is disabled.")
            .SetProperty(x => x.NextAttemptAt, (DateTime?)null), cancellationToken);
        if (recorded == 0)
        {
            return; // the claim lapsed and another instance has it: it will see the 410 itself
        }

        await db.Subscriptions.Where(s => s.Id == subscriptionId && s.DisabledAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DisabledAt, now).SetProperty(x => x.DisabledReason, Reason), cancellationToken);
        await db.Deliveries.Where(d => d.SubscriptionId == subscriptionId && d.State == DeliveryState.Pending).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.State, DeliveryState.Cancelled).SetProperty(x => x.NextAttemptAt, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDisabled(subscriptionId);
    }

    /// <summary>Records an attempt's outcome on the delivery this worker holds (<paramref name="mine"/>: its id and
    /// claim token) and releases the claim in the same statement; 0 when the claim lapsed and another instance has it.</summary>
    private static Task<int> SettleAsync(IQueryable<Delivery> mine, Action<UpdateSettersBuilder<Delivery>> outcome, CancellationToken cancellationToken) =>
        mine.ExecuteUpdateAsync(d =>
        {
            outcome(d);
            d.SetProperty(x => x.ClaimToken, (Guid?)null).SetProperty(x => x.ClaimedUntil, (DateTime?)null);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} to subscription {Subscription} failed unexpectedly; its claim lapses and it is tried again")]
    private partial void LogAttemptFailed(Exception exception, long delivery, long subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} to subscription {Subscription}: the database refused the attempt's error, stored without it: {Error}")]
    private partial void LogErrorNotStored(Exception exception, long delivery, long subscription, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; it is tried again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} to subscription {Subscription} failed for good after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(long delivery, long subscription, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription} disabled: its receiver answered 410 Gone")]
    private partial void LogDisabled(long subscription);
}
