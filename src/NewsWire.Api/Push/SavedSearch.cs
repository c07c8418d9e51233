using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsWire.Api.Articles;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;

namespace NewsWire.Api.Push;

/// <summary>
/// A search (the typed query of <c>q</c> and the listing filters) compiled once into the Lucene engine's own
/// query (<see cref="LuceneQueryRenderer"/>, <see cref="ListingFilterQuery"/>), to be run against one new
/// article at a time (<see cref="MatchableArticle"/>). It matches exactly when search would list the article:
/// hidden near-duplicates do not match unless the filter includes them. Two differences, both only where
/// search answers no list at all: a prefix is not limited to the search budget's words (one article cannot
/// make it broad), and no time budget applies.
/// </summary>
public sealed class SavedSearch
{
    private readonly Query _query;
    private readonly ArticleFilter _filter;

    private SavedSearch(Query query, ArticleFilter filter, IReadOnlyList<SearchAnchor>? anchors)
    {
        _query = query;
        _filter = filter;
        Anchors = anchors;
    }

    /// <summary>Words one of which the article must hold for a match; null when no such list is known (see <see cref="SearchAnchors"/>).</summary>
    internal IReadOnlyList<SearchAnchor>? Anchors { get; }

    public static SavedSearch Compile(SearchQuery query, ArticleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        var text = LuceneQueryRenderer.Render(query, maxWordsPerPrefix: int.MaxValue);
        // The date range is the one filter the engine reads from doc values, which a memory index does not keep:
        // it is checked against the article's date instead, by the filter's own definition.
        var filtered = ListingFilterQuery.Apply(text, filter with { From = null, ToExclusive = null });
        return new SavedSearch(filtered, filter, SearchAnchors.Of(text));
    }

    public bool Matches(MatchableArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_filter.Covers(article.PublishedAt))
        {
            return false;
        }

        var hit = new AnyHit();
        article.Searcher.Search(_query, hit);
        return hit.Found;
    }

    /// <summary>Notes whether any document matched, and nothing else: no score is computed.</summary>
    private sealed class AnyHit : ICollector
    {
        public bool Found { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => Found = true;

        public void SetNextReader(AtomicReaderContext context)
        {
        }
    }
}
