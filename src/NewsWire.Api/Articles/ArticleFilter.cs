using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// The listing filters, parsed and checked. One filter serves listing and search alike, as Miniflux's
/// entry query builder does: repeated values OR, different filters AND. Near-duplicates are hidden unless
/// asked for.
/// </summary>
public sealed record ArticleFilter(
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Langs,
    DateTime? From,
    DateTime? ToExclusive,
    bool IncludeDuplicates = false)
{
    public IQueryable<Article> ApplyTo(IQueryable<Article> articles)
    {
        if (!IncludeDuplicates)
        {
            articles = articles.Where(a => a.DuplicateOfId == null);
        }

        if (Sources.Count > 0)
        {
            articles = articles.Where(a => Sources.Contains(a.Source!));
        }

        if (Places.Count > 0)
        {
            articles = articles.Where(a => Places.Contains(a.Place!));
        }

        if (Langs.Count > 0)
        {
            articles = articles.Where(a => Langs.Contains(a.Lang));
        }

        if (Tags.Count > 0)
        {
            articles = articles.Where(a => a.Tags.Any(t => Tags.Contains(t.Name)));
        }

        if (From is { } from)
        {
            articles = articles.Where(a => a.PublishedAt >= from);
        }

        if (ToExclusive is { } to)
        {
            articles = articles.Where(a => a.PublishedAt < to);
        }

        return articles;
    }
}
