using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Search;

namespace NewsWire.Api.Feeds;

/// <summary>A page of a feed and the cursor of the next one (null on the last page).</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, ListCursor? Next);

/// <summary>
/// The entries of a feed: without <c>q</c> the listing's own query (its filters and keyset page), with
/// <c>q</c> the search ordered newest first. Either way the page ends at the listing cursor, so a feed of
/// a search pages as a listing does: an article that arrives while a reader follows next links never
/// makes one repeat or go missing.
/// </summary>
public sealed class FeedPages(NewsWireDb db, IArticleSearch search)
{
    public async Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        List<FeedEntry> entries;
        if (request.Query is null)
        {
            entries = await ListArticles.Page(request.Filter.ApplyTo(db.Articles.AsNoTracking()), ListOrder.Newest, request.Cursor)
                .Take(request.Limit + 1)
                .Select(FeedEntry.FromArticle)
                .ToListAsync(cancellationToken);
        }
        else
        {
            var ids = await SearchIdsAsync(request, cancellationToken);
            var byId = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(FeedEntry.FromArticle)
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            // An article deleted between the two reads is left out.
            entries = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }

        if (entries.Count <= request.Limit)
        {
            return new FeedPage(entries, null);
        }

        entries.RemoveRange(request.Limit, entries.Count - request.Limit);
        return new FeedPage(entries, new ListCursor(ListOrder.Newest, entries[^1].PublishedAt, entries[^1].Id));
    }

    /// <summary>
    /// One more id than the page holds, in listing order, after the cursor. The search engine pages by
    /// offset, so the cursor becomes a bound on the time (up to and including the cursor's instant), and
    /// the articles at that very instant that the cursor has passed (the cursor's own and any with a
    /// higher id) are skipped; they come first in newest-first order, so they are a prefix of the hits.
    /// </summary>
    private async Task<List<long>> SearchIdsAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var cursor = request.Cursor;
        if (cursor is not null && cursor.PublishedAt < DateTime.MaxValue)
        {
            var bound = cursor.PublishedAt.AddTicks(1);
            filter = filter with { ToExclusive = filter.ToExclusive is { } to && to < bound ? to : bound };
        }

        var wanted = request.Limit + 1;
        var batch = wanted + 1;
        var ids = new List<long>(wanted);
        for (var offset = 0; ids.Count < wanted && offset <= SearchParameters.MaxOffset; offset += batch)
        {
            var hits = (await search.SearchAsync(
                new SearchRequest(request.Query!, filter, SearchSort.Newest, batch, offset, new HashSet<Facet>()), cancellationToken)).Items;
            ids.AddRange(hits
                .Where(h => cursor is null || h.PublishedAt != cursor.PublishedAt || h.Id < cursor.Id)
                .Select(h => h.Id)
                .Take(wanted - ids.Count));
            if (hits.Count < batch)
            {
                break;
            }
        }

        return ids;
    }
}
