using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>
/// A saved search that pushes (ADR 27): every article stored after it was created that matches its query and
/// filters becomes a <see cref="Delivery"/> to its webhook.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }

    /// <summary>The search as the client wrote it, checked by the search's parser when the subscription was made.</summary>
    public required string Query { get; set; }

    /// <summary>The listing filters in their canonical query-string form (<c>source=TASS&amp;from=2026-01-01</c>),
    /// parsed again by the listing's own parser wherever they are used, so there is one definition of a filter.</summary>
    public required string Filters { get; set; }

    public required string WebhookUrl { get; set; }

    /// <summary>The Standard Webhooks signing secret, <c>whsec_</c> and base64 of its bytes.</summary>
    public required string Secret { get; set; }

    /// <summary>The change-log head when the subscription was made: only articles logged after it match.</summary>
    public long StartPosition { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When deliveries stopped for good (the receiver answered 410 Gone); null while it delivers.</summary>
    public DateTime? DisabledAt { get; set; }

    public string? DisabledReason { get; set; }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.ToTable("Subscriptions");
        subscription.Property(s => s.Query).HasMaxLength(SubscriptionLimits.Query);
        subscription.Property(s => s.Filters).HasMaxLength(SubscriptionLimits.Filters);
        subscription.Property(s => s.WebhookUrl).HasMaxLength(SubscriptionLimits.WebhookUrl);
        subscription.Property(s => s.Secret).HasMaxLength(100);
        subscription.Property(s => s.DisabledReason).HasMaxLength(500);
        subscription.HasMany<Delivery>().WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The sizes a subscription's fields may have.</summary>
public static class SubscriptionLimits
{
    public const int Query = 500;
    public const int Filters = 8_000;
    public const int WebhookUrl = 2_000;
    public const int RequestBytes = 16 * 1024;
}
