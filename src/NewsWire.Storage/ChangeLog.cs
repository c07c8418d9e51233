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
        // The page first, then the floor, each in its own snapshot, and no transaction: on SQLite a transaction
        // begins IMMEDIATE, taking the write lock, and every tailer's read then stalled the writers (an import's
        // batches waited in SQLite's busy handler) and they it. The floor only rises, so one read after the page
        // is at least as high as the floor the page was read under: a compaction that removed entries the page
        // needed is never missed; one that ran between the two reads may report a gap the page did not have,
        // which costs a rebuild, never a lost change.
        var changes = await db.ArticleChanges.AsNoTracking()
            .Where(c => c.Position > after).OrderBy(c => c.Position).Take(count)
            .ToListAsync(cancellationToken);
        // One row; read as a maximum, which needs no order (EF Core warns of an unordered First).
        var floor = await db.ChangeLogState.MaxAsync(s => (long?)s.CompactedThrough, cancellationToken) ?? 0;
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
