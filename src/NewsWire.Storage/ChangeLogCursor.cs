using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>
/// How far a durable reader of the change log has got (ADR 27): the webhook dispatcher keeps its position here,
/// moved in the same transaction as the deliveries it wrote, and compaction keeps every entry past the lowest
/// cursor, so a reader that is behind never finds the entries it still needs gone.
/// </summary>
public sealed class ChangeLogCursor
{
    public const string Webhooks = "webhooks";

    public required string Name { get; set; }
    public long Position { get; set; }
}

internal sealed class ChangeLogCursorConfiguration : IEntityTypeConfiguration<ChangeLogCursor>
{
    public void Configure(EntityTypeBuilder<ChangeLogCursor> cursor)
    {
        cursor.ToTable("ChangeLogCursors");
        cursor.HasKey(c => c.Name);
        cursor.Property(c => c.Name).HasMaxLength(50);
    }
}
