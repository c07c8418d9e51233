using NewsWire.Core.WireCopy;

namespace NewsWire.Storage;

/// <summary>A validated, normalized article ready to store: what every write path (JSON, wire copy, seed) produces.</summary>
public sealed record ArticleDraft(
    string? Source,
    string Headline,
    string? Lead,
    string? Place,
    string? Dateline,
    string? Section,
    IReadOnlyList<ArticleSection> Sections,
    DateTime PublishedAt,
    string Lang,
    IReadOnlyList<string> Tags,
    string? Url,
    string? ExternalId,
    string? Byline = null,
    string? Credits = null);

/// <summary>A draft, or why the input is not one (field → messages).</summary>
public sealed record DraftResult(ArticleDraft? Draft, IDictionary<string, string[]> Errors)
{
    public static DraftResult Invalid(IDictionary<string, string[]> errors) => new(null, errors);
}
