using System.Linq.Expressions;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>Entity → wire shapes. Lists project in SQL (no body read); one article maps in memory.</summary>
public static class ArticleMappings
{
    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary
    {
        Id = a.Id,
        Slug = a.Slug,
        Source = a.Source,
        Headline = a.Headline,
        Lead = a.Lead,
        Place = a.Place,
        PublishedAt = a.PublishedAt,
        Lang = a.Lang,
        Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
        WordCount = a.WordCount,
        Url = a.Url,
    };

    public static ArticleDetail AsArticleDetail(this Article a) => new()
    {
        Id = a.Id,
        Slug = a.Slug,
        Source = a.Source,
        Headline = a.Headline,
        Lead = a.Lead,
        Place = a.Place,
        PublishedAt = a.PublishedAt,
        Lang = a.Lang,
        Tags = a.Tags.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        WordCount = a.WordCount,
        Url = a.Url,
        Dateline = a.Dateline,
        Section = a.Section,
        Body = a.Body,
        Sections = SectionLayouts.Rebuild(a.Body, a.SectionLayout)
            .Select(s => new ArticleBodySection { Heading = s.Heading, Paragraphs = s.Paragraphs })
            .ToList(),
        DuplicateOf = a.DuplicateOfId,
        ExternalId = a.ExternalId,
        Byline = a.Byline,
        Credits = a.Credits,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
    };
}
