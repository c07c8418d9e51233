namespace NewsWire.Api.Articles;

/// <summary>
/// What raw wire copy (<c>text/plain</c>) may lack, given as query parameters named as in ArticleInput.
/// A value given here wins over what the parser read from the text.
/// </summary>
public sealed record WireCopyMetadata
{
    /// <summary>The agency. Default: the agency named in the dateline.</summary>
    public string? Source { get; init; }
    /// <summary>Default: the dateline place.</summary>
    public string? Place { get; init; }
    /// <summary>ISO 8601 date or date-time. Default: the dateline's day in its latest year not in the future.</summary>
    public string? PublishedAt { get; init; }
    /// <summary>BCP 47 language tag.</summary>
    public string? Lang { get; init; }
    /// <summary>Repeat for several tags.</summary>
    public string[]? Tags { get; init; }
    public string? Url { get; init; }
    public string? ExternalId { get; init; }
    /// <summary>Default: the breadcrumb above the headline.</summary>
    public string? Section { get; init; }

    public bool IsEmpty => Source is null && Place is null && PublishedAt is null && Lang is null
        && Tags is not { Length: > 0 } && Url is null && ExternalId is null && Section is null;
}
