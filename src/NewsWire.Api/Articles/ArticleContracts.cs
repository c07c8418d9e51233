using System.Text.Json.Serialization;

namespace NewsWire.Api.Articles;

/// <summary>An article in a list: everything but the text.</summary>
public record ArticleSummary
{
    /// <example>1</example>
    public required long Id { get; init; }
    /// <example>russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe</example>
    public required string Slug { get; init; }
    /// <summary>The agency, e.g. TASS.</summary>
    /// <example>TASS</example>
    public string? Source { get; init; }
    /// <example>Russian Security Service: Refugee crisis used by Islamic State to send people to Europe</example>
    public required string Headline { get; init; }
    /// <example>The officer said the flow of refugees will only grow as Islamic State is seizing new territories</example>
    public string? Lead { get; init; }
    /// <summary>The dateline place.</summary>
    /// <example>Tashkent</example>
    public string? Place { get; init; }
    /// <example>2015-09-18T00:00:00Z</example>
    public required DateTime PublishedAt { get; init; }
    /// <summary>BCP 47 language tag.</summary>
    /// <example>en</example>
    public required string Lang { get; init; }
    /// <example>["refugees", "terrorism"]</example>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <example>562</example>
    public required int WordCount { get; init; }
    /// <summary>The original address, when known.</summary>
    /// <example>https://tass.com/world/822339</example>
    public string? Url { get; init; }
}

/// <summary>One article with its full text.</summary>
public sealed record ArticleDetail : ArticleSummary
{
    /// <summary>The dateline as written.</summary>
    /// <example>TASHKENT, September 18. /TASS/.</example>
    [JsonPropertyOrder(100)]
    public string? Dateline { get; init; }
    /// <summary>The agency's section breadcrumb.</summary>
    /// <example>All news</example>
    [JsonPropertyOrder(101)]
    public string? Section { get; init; }
    /// <summary>The full text without dateline and sub-headings, paragraphs separated by a blank line.</summary>
    /// <example>The Islamic State (IS) terrorist organization takes advantage of the situation with refugees…</example>
    [JsonPropertyOrder(102)]
    public required string Body { get; init; }
    /// <summary>The body as the agency laid it out: runs of paragraphs under their sub-headings.</summary>
    [JsonPropertyOrder(103)]
    public required IReadOnlyList<ArticleBodySection> Sections { get; init; }
    /// <summary>The article this one repeats, when it is a near-duplicate; null otherwise.</summary>
    /// <example>17</example>
    [JsonPropertyOrder(104)]
    public long? DuplicateOf { get; init; }
    /// <summary>The agency's own id for the story.</summary>
    /// <example>tass-822339</example>
    [JsonPropertyOrder(105)]
    public string? ExternalId { get; init; }
    /// <summary>The byline, as written.</summary>
    /// <example>By Jane Doe</example>
    [JsonPropertyOrder(108)]
    public string? Byline { get; init; }
    /// <summary>Trailing credits, one per line.</summary>
    /// <example>(Reporting by Jane Doe; Editing by John Smith)</example>
    [JsonPropertyOrder(109)]
    public string? Credits { get; init; }
    /// <example>2026-11-29T10:00:00Z</example>
    [JsonPropertyOrder(106)]
    public required DateTime CreatedAt { get; init; }
    /// <example>2026-11-29T10:00:00Z</example>
    [JsonPropertyOrder(107)]
    public required DateTime UpdatedAt { get; init; }
}

/// <summary>A run of body paragraphs under one sub-heading; the first usually has none.</summary>
public sealed record ArticleBodySection
{
    /// <example>EU refugee flow grows due to IS terror, not Assad</example>
    public string? Heading { get; init; }
    /// <example>["According to the officer, the flow of refugees … will only grow."]</example>
    public required IReadOnlyList<string> Paragraphs { get; init; }
}

/// <summary>A page of articles.</summary>
public sealed record ArticlePage
{
    public required IReadOnlyList<ArticleSummary> Items { get; init; }
    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    /// <example>bi42MzU3NzQ4ODAwMDAwMDAwMDAuMQ</example>
    public string? NextCursor { get; init; }
    /// <summary>How many articles match the filters, over all pages.</summary>
    /// <example>1</example>
    public required int Total { get; init; }
}

/// <summary>
/// A new or replacement article. <c>headline</c> and <c>body</c> are required; paragraphs in <c>body</c> are
/// separated by blank lines (or, as on older wires, by indented first lines).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ArticleInput
{
    /// <example>Kazakhstan raises grain export forecast</example>
    public string? Headline { get; init; }
    /// <example>Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Monday.\n\nThe forecast is up from 7.5 million tonnes in August.</example>
    public string? Body { get; init; }
    /// <example>Good weather in the north lifted the harvest</example>
    public string? Lead { get; init; }
    /// <example>TASS</example>
    public string? Source { get; init; }
    /// <example>Astana</example>
    public string? Place { get; init; }
    /// <summary>ISO 8601 date-time with offset, or a bare date (stored as 00:00 UTC). Default: now.</summary>
    /// <example>2026-11-29T08:30:00Z</example>
    public string? PublishedAt { get; init; }
    /// <summary>BCP 47 language tag. Default: "ru" for text mostly in Cyrillic, otherwise "en".</summary>
    /// <example>en</example>
    public string? Lang { get; init; }
    /// <summary>At most 50 entries of at most 64 characters; a comma separates tags; repeats in any case are kept once.</summary>
    /// <example>["grain", "kazakhstan"]</example>
    [JsonConverter(typeof(TagListConverter))]
    public IReadOnlyList<string>? Tags { get; init; }
    /// <example>https://example.com/news/grain-exports</example>
    public string? Url { get; init; }
    /// <example>tass-1200345</example>
    public string? ExternalId { get; init; }
    /// <example>Economy</example>
    public string? Section { get; init; }
    /// <example>By Jane Doe</example>
    public string? Byline { get; init; }
    /// <summary>Credit lines, one per line.</summary>
    /// <example>(Reporting by Jane Doe; Editing by John Smith)</example>
    public string? Credits { get; init; }
}
