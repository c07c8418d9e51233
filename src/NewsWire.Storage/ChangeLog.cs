using Microsoft.EntityFrameworkCore;

namespace NewsWire.Storage;

/// <summary>The change log read through the request's context, the same on every provider; each provider's
/// triggers write it (ADR 20).</summary>
public sealed class ChangeLog(NewsWireDb db) : IChangeLog
{
    public async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        await db.ArticleChanges.MaxAsync(c => (long?)c.Position, cancellationToken) ?? 0;

    public async Task<ChangeLogPage> ReadAsync(long after, int count, CancellationToken cancellationToken)
    {
        // One read transaction, so the floor and the page agree.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var floor = await db.ChangeLogState.Select(s => s.CompactedThrough).FirstOrDefaultAsync(cancellationToken);
        var changes = await db.ArticleChanges.AsNoTracking()
            .Where(c => c.Position > after).OrderBy(c => c.Position).Take(count)
            .ToListAsync(cancellationToken);
        return new ChangeLogPage(changes, Gap: after < floor);
    }

    public async Task<int> CompactAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await HeadAsync(cancellationToken);
        // A durable reader (the webhook dispatcher, ADR 27) still needs every entry past its cursor, redundant or not.
        var unread = await db.ChangeLogCursors.MinAsync(c => (long?)c.Position, cancellationToken) ?? long.MaxValue;
        var limit = Math.Min(head, unread + 1);
        // Deletions about to go raise the floor: a reader behind it would miss them and must rebuild.
        var droppedDeletions = await db.ArticleChanges
            .Where(c => c.ChangedAt < before && c.Position < limit && c.Kind == ChangeKind.Deleted)
            .MaxAsync(c => (long?)c.Position, cancellationToken);
        var dropped = await db.ArticleChanges
            .Where(c => c.ChangedAt < before && c.Position < limit
                && (c.Kind == ChangeKind.Deleted
                    || db.ArticleChanges.Any(later => later.ArticleId == c.ArticleId && later.Position > c.Position)))
            .ExecuteDeleteAsync(cancellationToken);
        if (droppedDeletions is { } floor)
        {
            await db.ChangeLogState.Where(s => s.CompactedThrough < floor)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompactedThrough, floor), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return dropped;
    }
}
