using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// <see cref="IArticleSearch"/> on the Lucene engine, for every provider (ADR 23): the
/// engine answers the total, the page's ids and scores and the facets; the store reads the page's articles
/// (their bodies for the snippets, and no other bodies); the highlighter marks them. The index has caught up
/// before (<see cref="LuceneTailer"/> as <see cref="ISearchIndexFreshness"/>, which the budget calls first).
/// </summary>
internal sealed class LuceneArticleSearch(NewsWireDb db, LuceneSearchEngine engine) : IArticleSearch
{
    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var page = engine.Search(request, cancellationToken);
        var ids = page.Hits.Select(h => h.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Slug, a.Source, a.Headline, a.Lead, a.Place, a.PublishedAt, a.Lang, a.WordCount, a.Url, a.Body,
                Tags = a.Tags.Select(t => t.Name).ToList(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var highlighter = LuceneSearchEngine.Highlighter(request);
        var hits = new List<SearchHit>(page.Hits.Count);
        foreach (var hit in page.Hits)
        {
            // An article deleted since the index caught up is left out rather than shown half.
            if (rows.TryGetValue(hit.Id, out var article))
            {
                hits.Add(new SearchHit
                {
                    Id = article.Id,
                    Slug = article.Slug,
                    Source = article.Source,
                    Headline = article.Headline,
                    Lead = article.Lead,
                    Place = article.Place,
                    PublishedAt = article.PublishedAt,
                    Lang = article.Lang,
                    WordCount = article.WordCount,
                    Url = article.Url,
                    Tags = article.Tags.Order(StringComparer.OrdinalIgnoreCase).ToList(),
                    Score = hit.Score,
                    Highlights = highlighter.Highlight(article.Headline, article.Body),
                });
            }
        }

        return new SearchPage(page.Total, hits, page.Facets);
    }
}
