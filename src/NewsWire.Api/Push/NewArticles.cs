using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Push;

/// <summary>A newly stored article as push sends it: its change-log position, its summary, and the article indexed alone for matching.</summary>
public sealed record NewArticle(long Position, ArticleSummary Summary, MatchableArticle Matchable);

/// <summary>
/// The articles that change-log entries newly stored, read back from the store. "Newly stored" is a
/// <see cref="ChangeKind.Created"/> entry (ADR 26): an article that was corrected, or that stopped being a
/// near-duplicate, was stored before and is not new. Each is read as it is now; one deleted since is left out.
/// </summary>
internal static class NewArticles
{
    public static async Task<List<NewArticle>> LoadAsync(NewsWireDb db, IEnumerable<ArticleChange> changes, CancellationToken cancellationToken)
    {
        var created = changes.Where(c => c.Kind == ChangeKind.Created).ToList();
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
}
