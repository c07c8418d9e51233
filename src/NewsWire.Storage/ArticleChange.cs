using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>What a change did to an article, as the change log records it.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
    /// <summary>It became a near-duplicate of another story: listing and search no longer show it by default.</summary>
    Hidden,
    /// <summary>It stopped being a near-duplicate (corrected, or its original deleted): shown again.</summary>
    Shown,
}

/// <summary>
/// One entry of the change log: every write appends one per article it touched, in the write's own transaction
/// (ADR 20). The position orders the log; it is how an instance learns what any writer did, and what the cache,
/// the totals and later the search index and saved searches follow.
/// </summary>
public sealed class ArticleChange
{
    public long Position { get; set; }
    public long ArticleId { get; set; }
    public ChangeKind Kind { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>One read of the log: the changes after a position, and whether compaction dropped some the reader needed.</summary>
/// <param name="Changes">Oldest first, at most the count asked for.</param>
/// <param name="Gap">True when entries after the reader's position were compacted away (ADR 20): it must rebuild from the articles.</param>
public sealed record ChangeLogPage(IReadOnlyList<ArticleChange> Changes, bool Gap);

/// <summary>
/// The change log as readers see it: its head (the newest position, 0 for an empty log), pages after a position,
/// and compaction. Each provider keeps it its own way; writers append to it inside their transaction.
/// </summary>
public interface IChangeLog
{
    Task<long> HeadAsync(CancellationToken cancellationToken);

    Task<ChangeLogPage> ReadAsync(long after, int count, CancellationToken cancellationToken);

    /// <summary>Drops entries older than <paramref name="before"/> that a later entry for the same article makes
    /// redundant, and deletions older than that; the head is always kept. Returns how many were dropped.</summary>
    Task<int> CompactAsync(DateTime before, CancellationToken cancellationToken);
}

internal sealed class ArticleChangeConfiguration : IEntityTypeConfiguration<ArticleChange>
{
    public void Configure(EntityTypeBuilder<ArticleChange> change)
    {
        change.ToTable("ArticleChanges");
        change.HasKey(c => c.Position);
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        // No foreign key: a deletion's entry outlives its article. The index serves compaction's "is there a later one?".
        change.HasIndex(c => new { c.ArticleId, c.Position });
    }
}

/// <summary>The log's compaction floor: the highest position of a deletion compaction dropped (one row).</summary>
public sealed class ChangeLogState
{
    public int Id { get; set; }
    public long CompactedThrough { get; set; }
}

internal sealed class ChangeLogStateConfiguration : IEntityTypeConfiguration<ChangeLogState>
{
    public void Configure(EntityTypeBuilder<ChangeLogState> state)
    {
        state.ToTable("ChangeLogState");
        state.HasKey(s => s.Id);
        state.Property(s => s.Id).ValueGeneratedNever();
    }
}
