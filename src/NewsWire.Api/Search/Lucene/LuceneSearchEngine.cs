using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>One hit as the engine answers it: the article's id and its score. The store loads the rest.</summary>
public sealed record EngineHit(long Id, double Score);

/// <summary>An exact total, the page's hits, and the facets when asked for.</summary>
public sealed record EnginePage(int Total, IReadOnlyList<EngineHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets);

/// <summary>How the engine ranks and how far it expands a prefix.</summary>
public sealed record LuceneSearchOptions
{
    public FieldWeights Weights { get; init; } = FieldWeights.Default;

    /// <summary>How many index terms one prefix may stand for in one field before the search is refused as too broad.</summary>
    public int PrefixBudget { get; init; } = LuceneQueryRenderer.DefaultPrefixBudget;
}

/// <summary>
/// Answers a <see cref="SearchRequest"/> from a <see cref="LuceneIndex"/> in one pass over the matches: a
/// collector keeps the top offset+limit (by score, newest first on a tie, or by time), counts every match
/// (the total is exact) and, when asked, counts the facets from doc values as it goes. Filters and hidden
/// near-duplicates are part of the query, so they apply before the limit. Ids come from doc values and no
/// document is loaded: the store reads the page's articles, and <see cref="Highlighter"/> marks their text.
/// </summary>
public sealed class LuceneSearchEngine(LuceneIndex index, LuceneSearchOptions? options = null)
{
    private readonly LuceneSearchOptions _options = options ?? new LuceneSearchOptions();

    /// <exception cref="SearchTooBroadException">A prefix stands for more terms than the budget.</exception>
    public EnginePage Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ListingFilterQuery.Apply(
            LuceneQueryRenderer.Render(request.Query, _options.Weights, _options.PrefixBudget), request.Filter);
        return index.Use(searcher => Search(searcher, query, request));
    }

    /// <summary>Marks a page's headlines and body passages for the request's query.</summary>
    public static LuceneHighlighter Highlighter(SearchRequest request) => new(request.Query);

    private static EnginePage Search(IndexSearcher searcher, Query query, SearchRequest request)
    {
        var top = TopFieldCollector.Create(Order(request.Sort), Math.Max(1, request.Offset + request.Limit),
            fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = request.Facets.Count == 0 ? null : new FacetCounter(request.Facets);
        searcher.Search(query, facets is null ? top : MultiCollector.Wrap(top, facets));

        var page = top.GetTopDocs(request.Offset, request.Limit).ScoreDocs;
        var hits = new List<EngineHit>(page.Length);
        var leaves = searcher.IndexReader.Leaves;
        foreach (var hit in page)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            hits.Add(new EngineHit(leaf.AtomicReader.GetNumericDocValues(LuceneFields.Id).Get(hit.Doc - leaf.DocBase), hit.Score));
        }

        return new EnginePage(top.TotalHits, hits, facets?.Result());
    }

    /// <summary>Relevance breaks ties newest first (the higher id), as the FTS5 search does; time orders break them by id.</summary>
    private static Sort Order(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => new Sort(SortField.FIELD_SCORE, new SortField(LuceneFields.Id, SortFieldType.INT64, reverse: true)),
        SearchSort.Newest => new Sort(
            new SortField(LuceneFields.Published, SortFieldType.INT64, reverse: true), new SortField(LuceneFields.Id, SortFieldType.INT64, reverse: true)),
        _ => new Sort(new SortField(LuceneFields.Published, SortFieldType.INT64), new SortField(LuceneFields.Id, SortFieldType.INT64)),
    };
}
