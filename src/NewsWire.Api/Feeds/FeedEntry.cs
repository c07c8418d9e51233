using System.Linq.Expressions;
using NewsWire.Api.Data;

namespace NewsWire.Api.Feeds;

/// <summary>What a feed shows of an article: no body, only the opening of one when there is no lead.</summary>
public sealed record FeedEntry
{
    /// <summary>Enough of a body for a summary of <see cref="SummaryLength"/> characters.</summary>
    private const int OpeningLength = 600;
    public const int SummaryLength = 300;

    public required long Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public string? Lead { get; init; }
    public string? Opening { get; init; }
    public string? Source { get; init; }
    public required string Lang { get; init; }
    public required DateTime PublishedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string? Url { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }

    public static readonly Expression<Func<Article, FeedEntry>> FromArticle = a => new FeedEntry
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Lead = a.Lead,
        Opening = a.Lead == null ? a.Body.Substring(0, OpeningLength) : null,
        Source = a.Source,
        Lang = a.Lang,
        PublishedAt = a.PublishedAt,
        UpdatedAt = a.UpdatedAt,
        CreatedAt = a.CreatedAt,
        Url = a.Url,
        Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
    };

    /// <summary>
    /// Plain text: the lead, or else the first paragraph, cut at a word near <see cref="SummaryLength"/>.
    /// Stored text is plain already (imports turn HTML into text); feeds mark it as text, so nothing in it
    /// is ever read as markup.
    /// </summary>
    public string Summary
    {
        get
        {
            if (Lead is not null)
            {
                return Lead;
            }

            var paragraph = (Opening ?? "").Split("\n\n")[0];
            if (paragraph.Length <= SummaryLength)
            {
                return paragraph;
            }

            var cut = paragraph.LastIndexOf(' ', SummaryLength);
            return paragraph[..(cut > SummaryLength / 2 ? cut : SummaryLength)].TrimEnd(',', ';', ':', ' ') + " …";
        }
    }
}
