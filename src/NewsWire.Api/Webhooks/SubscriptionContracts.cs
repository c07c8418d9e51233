using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// A new subscription: a search (<c>q</c> and any listing filter, as <c>GET /api/search</c> takes them) and the
/// webhook to push each newly stored match to.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubscriptionInput
{
    /// <summary>The search, in the syntax of <c>GET /api/search</c> (1..500 characters).</summary>
    /// <example>refugees europe</example>
    public string? Q { get; init; }
    /// <summary>Agencies (one, or an array to OR).</summary>
    /// <example>["TASS"]</example>
    [JsonConverter(typeof(OneOrManyConverter))]
    public string[]? Source { get; init; }
    /// <example>["refugees"]</example>
    [JsonConverter(typeof(OneOrManyConverter))]
    public string[]? Tag { get; init; }
    [JsonConverter(typeof(OneOrManyConverter))]
    public string[]? Place { get; init; }
    /// <example>["en"]</example>
    [JsonConverter(typeof(OneOrManyConverter))]
    public string[]? Lang { get; init; }
    /// <summary>Published at or after (ISO date or date-time).</summary>
    public string? From { get; init; }
    /// <summary>Published at or before (ISO date or date-time; a bare date includes the whole day).</summary>
    public string? To { get; init; }
    /// <summary>Push near-duplicates too (default false).</summary>
    public bool? IncludeDuplicates { get; init; }
    public WebhookInput? Webhook { get; init; }
}

/// <summary>Where matches are pushed.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WebhookInput
{
    /// <summary>An absolute http or https URL whose host does not resolve to a loopback, private, link-local or
    /// metadata address (unless <c>NewsWire:Webhooks:AllowPrivateNetworks</c>).</summary>
    /// <example>https://desk.example/hooks/newswire</example>
    public string? Url { get; init; }
}

/// <summary>A subscription as it is stored.</summary>
public record SubscriptionItem
{
    /// <example>1</example>
    public required long Id { get; init; }
    /// <example>refugees europe</example>
    public required string Q { get; init; }
    /// <example>["TASS"]</example>
    public required IReadOnlyList<string> Source { get; init; }
    public required IReadOnlyList<string> Tag { get; init; }
    public required IReadOnlyList<string> Place { get; init; }
    public required IReadOnlyList<string> Lang { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public required bool IncludeDuplicates { get; init; }
    public required WebhookItem Webhook { get; init; }
    /// <example>2026-12-01T12:00:00Z</example>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the receiver answered 410 Gone and deliveries stopped; null while it delivers.</summary>
    public DateTime? DisabledAt { get; init; }
    /// <example>The receiver answered 410 Gone.</example>
    public string? DisabledReason { get; init; }
}

public sealed record WebhookItem
{
    /// <example>https://desk.example/hooks/newswire</example>
    public required string Url { get; init; }
}

/// <summary>A subscription just made, with its signing secret: shown this once and never again.</summary>
public sealed record CreatedSubscription : SubscriptionItem
{
    /// <summary>The Standard Webhooks signing secret: <c>whsec_</c> and the base64 of the key's bytes.</summary>
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</example>
    [JsonPropertyOrder(100)]
    public required string Secret { get; init; }
}

public sealed record SubscriptionPage
{
    public required IReadOnlyList<SubscriptionItem> Items { get; init; }
    /// <summary>Pass as <c>cursor</c> for the next page; null on the last.</summary>
    public string? NextCursor { get; init; }
    public required int Total { get; init; }
}

/// <summary>One article pushed (or being pushed) to a subscription's webhook.</summary>
public sealed record DeliveryItem
{
    /// <summary>Also the <c>webhook-id</c> header's number (<c>msg_</c> and this id).</summary>
    /// <example>7</example>
    public required long Id { get; init; }
    /// <summary>The article's id.</summary>
    /// <example>42</example>
    public required long Article { get; init; }
    /// <summary>pending, delivered, failed (every retry used) or cancelled (the subscription was disabled).</summary>
    /// <example>delivered</example>
    public required string State { get; init; }
    /// <example>1</example>
    public required int Attempts { get; init; }
    /// <summary>The HTTP status of the last attempt; null when it got none.</summary>
    /// <example>200</example>
    public int? LastStatus { get; init; }
    /// <summary>Why the last attempt failed, when it did.</summary>
    public string? LastError { get; init; }
    /// <summary>When the next attempt is due; null once delivered, failed or cancelled.</summary>
    public DateTime? NextAttemptAt { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public required DateTime CreatedAt { get; init; }
}

public sealed record DeliveryPage
{
    public required IReadOnlyList<DeliveryItem> Items { get; init; }
    public string? NextCursor { get; init; }
    public required int Total { get; init; }
}

/// <summary>A filter in JSON: one string, or an array of strings.</summary>
public sealed class OneOrManyConverter : JsonConverter<string[]>
{
    public override string[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException());
        }

        return [.. values];
    }

    public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
