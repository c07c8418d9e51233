using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Push;

/// <summary>A newly stored article as push sends it: its change-log position, its summary, and the article indexed alone for matching.</summary>
public sealed record NewArticle(long Position, ArticleSummary Summary, MatchableArticle Matchable);

/// <summary>A newly stored article and the keys of the saved searches it matched.</summary>
public sealed record MatchedArticle<TKey>(long Position, ArticleSummary Summary, List<TKey> Searches);

/// <summary>
/// The articles that change-log entries newly stored, read back from the store. "Newly stored" is a
/// <see cref="ChangeKind.Created"/> entry (ADR 26): an article that was corrected, or that stopped being a
/// near-duplicate, was stored before and is not new. Each is read as it is now; one deleted since is left out.
/// </summary>
internal static class NewArticles
{
    public static async Task<List<NewArticle>> LoadAsync(NewsWireDb db, IEnumerable<ArticleChange> changes, CancellationToken cancellationToken)
    {
        var created = Created(changes);
        if (created.Count == 0)
        {
            return [];
        }

        var ids = created.Select(c => c.ArticleId).ToList();
        // The summary exactly as listing and search project it; the whole article for the matcher.
        var summaries = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleMappings.ToSummary)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var articles = await IndexedArticle.Stored(db).Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return created
            .Where(c => summaries.ContainsKey(c.ArticleId) && articles.ContainsKey(c.ArticleId))
            .Select(c => new NewArticle(c.Position, summaries[c.ArticleId], MatchableArticle.Index(IndexedArticle.From(articles[c.ArticleId]))))
            .ToList();
    }

    /// <summary>
    /// The newly stored articles of <paramref name="changes"/> that match some search of <paramref name="matcher"/>,
    /// paying per article only for what decides it (ADR 31): the text fields are read first and an article none of
    /// whose words is an anchor of some search (<see cref="SavedSearchMatcher{TKey}.MayMatchAny"/>) goes no further;
    /// the rest are read whole, indexed in memory and matched; the summary is read for those that matched.
    /// The answer is the same as matching every article of <see cref="LoadAsync"/>.
    /// </summary>
    public static async Task<List<MatchedArticle<TKey>>> MatchAsync<TKey>(
        NewsWireDb db, IEnumerable<ArticleChange> changes, SavedSearchMatcher<TKey> matcher, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var created = Created(changes);
        if (created.Count == 0 || matcher.Count == 0)
        {
            return [];
        }

        var ids = created.Select(c => c.ArticleId).ToList();
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.Lead, a.Body, a.SectionLayout, a.Place })
            .ToListAsync(cancellationToken);
        var candidates = texts
            .Where(a => matcher.MayMatchAny(MatchableArticle.TextValues(a.Headline, a.Lead, a.Body, a.Place, SectionLayouts.Headings(a.SectionLayout))))
            .Select(a => a.Id).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var matches = new Dictionary<long, List<TKey>>();
        foreach (var article in await IndexedArticle.Stored(db).Where(a => candidates.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            if (matcher.Match(MatchableArticle.Index(IndexedArticle.From(article))) is { Count: > 0 } searches)
            {
                matches[article.Id] = searches;
            }
        }

        if (matches.Count == 0)
        {
            return [];
        }

        var matched = matches.Keys.ToList();
        var summaries = await db.Articles.AsNoTracking().Where(a => matched.Contains(a.Id)).Select(ArticleMappings.ToSummary)
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        // A summary missing here is an article deleted since it was matched: nothing is owed for it.
        return created
            .Where(c => matches.ContainsKey(c.ArticleId) && summaries.ContainsKey(c.ArticleId))
            .Select(c => new MatchedArticle<TKey>(c.Position, summaries[c.ArticleId], matches[c.ArticleId]))
            .ToList();
    }

    private static List<ArticleChange> Created(IEnumerable<ArticleChange> changes) =>
        changes.Where(c => c.Kind == ChangeKind.Created).ToList();
}
