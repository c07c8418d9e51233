using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Core.Articles;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// <see cref="IRelatedArticles"/> on the Lucene engine, for every provider: the engine ranks the pool
/// (<see cref="LuceneMoreLikeThis"/>); the store's MinHash signatures then drop any candidate that is a
/// near-duplicate of the article all the same (two repeats of a deleted original are no longer linked to
/// anything, so only their texts say they are one story).
/// </summary>
internal sealed class LuceneRelatedArticles(NewsWireDb db, LuceneSearchEngine engine, LuceneTailer tailer) : IRelatedArticles
{
    public async Task<IReadOnlyList<long>> FindAsync(Article article, int limit, CancellationToken cancellationToken)
    {
        // As for a search: a client that leaves stops waiting; a catch-up it started runs to its end regardless.
        await tailer.EnsureCurrentAsync(cancellationToken);
        var ranked = engine.Related(RelatedRequest.From(article)).Select(h => h.Id).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        var compared = ranked.Append(article.Id).ToList();
        var signatures = await db.Set<ArticleSignature>().AsNoTracking()
            .Where(s => compared.Contains(s.ArticleId))
            .ToDictionaryAsync(s => s.ArticleId, s => s.MinHash, cancellationToken);
        var repeats = signatures.Remove(article.Id, out var own)
            ? signatures.Where(s => NearDuplicates.Similarity(own, s.Value) >= NearDuplicates.Threshold).Select(s => s.Key).ToHashSet()
            : [];
        return ranked.Where(id => !repeats.Contains(id)).Take(limit).ToList();
    }
}
