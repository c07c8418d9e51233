using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Articles;

/// <summary>
/// The entity tags of an article's representations: one per version and representation, so the JSON and the
/// text of one version never share one. GET sends them; a PUT or DELETE's <c>If-Match</c> is compared with them.
/// </summary>
public static class ArticleETags
{
    public const string Json = "json";
    public const string Text = "text";

    public static EntityTagHeaderValue For(long id, DateTime updatedAt, string representation) =>
        new($"\"{id}-{updatedAt.Ticks:x}-{representation}\"");

    /// <summary>Every representation's current tag (ADR 33: a write's If-Match may name either).</summary>
    public static EntityTagHeaderValue[] All(long id, DateTime updatedAt) =>
        [For(id, updatedAt, Json), For(id, updatedAt, Text)];

    /// <summary>Whether a conditional header's tags name one of <paramref name="current"/>, <c>*</c> naming any:
    /// strongly for If-Match (RFC 9110, section 13.1.1), weakly for If-None-Match (section 13.1.2).</summary>
    public static bool AnyMatches(IEnumerable<EntityTagHeaderValue> sent, IReadOnlyCollection<EntityTagHeaderValue> current, bool strong) =>
        sent.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || current.Any(c => tag.Compare(c, useStrongComparison: strong)));
}
