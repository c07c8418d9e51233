using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

public enum DeliveryState
{
    /// <summary>Waiting for its next attempt (at <see cref="Delivery.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt of the retry schedule failed.</summary>
    Failed,
    /// <summary>Its subscription was disabled (410 Gone) before it was delivered.</summary>
    Cancelled,
}

/// <summary>
/// One article to push to one subscription's webhook: the durable queue entry (ADR 27). Written by the dispatcher
/// in the same transaction that moves its change-log cursor past the article; claimed by one instance at a time
/// for an attempt (<see cref="ClaimedUntil"/>, <see cref="ClaimToken"/>).
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public long ArticleId { get; set; }

    /// <summary>The change-log position of the article's creation.</summary>
    public long Position { get; set; }

    /// <summary>The event as sent, the same bytes on every attempt (only its signature's timestamp changes).</summary>
    public required string Payload { get; set; }

    public DeliveryState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>The HTTP status of the last attempt; null when it got none (a timeout, a refused connection).</summary>
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Until when an instance holds this delivery for an attempt; past it, another may take it.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public Guid? ClaimToken { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.ToTable("Deliveries");
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.LastError).HasMaxLength(1000);
        // One delivery per article and subscription, whatever replays the log.
        delivery.HasIndex(d => new { d.SubscriptionId, d.ArticleId }).IsUnique();
        // The worker's question: what is due now?
        delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}
