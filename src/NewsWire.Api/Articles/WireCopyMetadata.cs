using Microsoft.AspNetCore.Mvc;

namespace NewsWire.Api.Articles;

/// <summary>
/// What raw wire copy (<c>text/plain</c>) may lack, given as query parameters named as in ArticleInput.
/// A value given here wins over what the parser read from the text. Every property is marked [FromQuery]:
/// on a POST, minimal APIs would otherwise read the array from the body.
/// </summary>
public sealed record WireCopyMetadata
{
    /// <summary>The agency. Default: the agency named in the dateline.</summary>
    [FromQuery]
    public string? Source { get; init; }
    /// <summary>Default: the dateline place.</summary>
    [FromQuery]
    public string? Place { get; init; }
    /// <summary>ISO 8601 date or date-time. Default: the dateline's day in its latest year not in the future.</summary>
    [FromQuery]
    public string? PublishedAt { get; init; }
    /// <summary>BCP 47 language tag.</summary>
    [FromQuery]
    public string? Lang { get; init; }
    /// <summary>Repeat for several tags.</summary>
    [FromQuery]
    public string[]? Tags { get; init; }
    /// <summary>The original address of the story.</summary>
    [FromQuery]
    public string? Url { get; init; }
    /// <summary>The agency's own id for the story.</summary>
    [FromQuery]
    public string? ExternalId { get; init; }
    /// <summary>Default: the breadcrumb above the headline.</summary>
    [FromQuery]
    public string? Section { get; init; }

    public bool IsEmpty => Source is null && Place is null && PublishedAt is null && Lang is null
        && Tags is not { Length: > 0 } && Url is null && ExternalId is null && Section is null;
}
