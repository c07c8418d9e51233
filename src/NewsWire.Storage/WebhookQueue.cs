using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage;

/// <summary>
/// What the webhook queue needs from each provider (ADR 27): a lock so that one instance at a time matches a range
/// of the change log, and the due deliveries, locked against other instances while this one claims them.
/// </summary>
public interface IWebhookLocks
{
    /// <summary>Starts a dispatcher's round. PostgreSQL begins a transaction on <paramref name="db"/> holding the
    /// dispatch lock, or answers false at once when another instance holds it; SQLite takes its write lock only
    /// when the round commits (so matching never holds up writers) and always answers true.</summary>
    Task<bool> TryEnterDispatchAsync(NewsWireDb db, CancellationToken cancellationToken);

    /// <summary>The ids of up to <paramref name="count"/> pending deliveries due at <paramref name="now"/> and not
    /// claimed, oldest due first, read inside the claiming transaction so no other instance takes the same ones.</summary>
    Task<List<long>> DueAsync(NewsWireDb db, DateTime now, int count, CancellationToken cancellationToken);
}

/// <summary>A delivery held by this instance for one attempt, and the token that proves it when the result is stored.</summary>
public sealed record ClaimedDelivery(long Id, long SubscriptionId, long ArticleId, string Payload, int Attempts, Guid Token);

/// <summary>Claims due deliveries for one attempt each, the same way on every provider (the lock is the provider's).</summary>
public static class DeliveryClaims
{
    public static async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(
        NewsWireDb db, IWebhookLocks locks, DateTime now, TimeSpan lease, int count, CancellationToken cancellationToken)
    {
        // Most polls find nothing due: a plain read answers them without taking a lock (on SQLite, the write lock).
        if (!await db.Deliveries.Due(now).AnyAsync(cancellationToken))
        {
            return [];
        }

        var token = Guid.NewGuid();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var ids = await locks.DueAsync(db, now, count, cancellationToken);
            if (ids.Count == 0)
            {
                return [];
            }

            var until = now + lease;
            await db.Deliveries.Where(d => ids.Contains(d.Id))
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimedUntil, until).SetProperty(x => x.ClaimToken, token), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.Deliveries.AsNoTracking().Where(d => d.ClaimToken == token)
            .Select(d => new ClaimedDelivery(d.Id, d.SubscriptionId, d.ArticleId, d.Payload, d.Attempts, token))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deliveries an attempt is owed at <paramref name="now"/>: pending, due, and not claimed (or their claim
    /// lapsed). PostgreSQL's claim query writes the same condition in SQL, for FOR UPDATE SKIP LOCKED.</summary>
    public static IQueryable<Delivery> Due(this IQueryable<Delivery> deliveries, DateTime now) =>
        deliveries.Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now));
}
