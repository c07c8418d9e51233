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
    public int MaxWordsPerPrefix { get; init; } = LuceneQueryRenderer.DefaultMaxWordsPerPrefix;
}

/// <summary>
/// Answers a <see cref="SearchRequest"/> from a <see cref="LuceneIndex"/> in one pass over the matches: one
/// collector (<see cref="PageCollector"/>) keeps the top offset+limit, counts every match (the total is
/// exact) and, when asked, counts the facets from per-segment ordinal arrays as it goes. Filters and hidden
/// near-duplicates are part of the query, so they apply before the limit. Ids come from doc values and no
/// document is loaded: the store reads the page's articles, and <see cref="Highlighter"/> marks their text.
/// </summary>
public sealed class LuceneSearchEngine(LuceneIndex index, LuceneSearchOptions? options = null)
{
    private readonly LuceneSearchOptions _options = options ?? new LuceneSearchOptions();

    /// <exception cref="SearchTooBroadException">A prefix stands for more terms than the budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the client
    /// left, the time budget ran out): the collector looks at it every few thousand matches and stops.</exception>
    public EnginePage Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ListingFilterQuery.Apply(
            LuceneQueryRenderer.Render(request.Query, _options.Weights, _options.MaxWordsPerPrefix, cancellationToken), request.Filter);
        return index.Use(searcher => Search(searcher, query, request, cancellationToken));
    }

    /// <summary>The articles most like one, best first, before the store's near-duplicate check (ADR 13).</summary>
    public IReadOnlyList<EngineHit> Related(RelatedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return index.Use(searcher => LuceneMoreLikeThis.Rank(searcher, request));
    }

    /// <summary>Marks a page's headlines and body passages for the request's query.</summary>
    public static LuceneHighlighter Highlighter(SearchRequest request) => new(request.Query);

    private static EnginePage Search(IndexSearcher searcher, Query query, SearchRequest request, CancellationToken cancellationToken)
    {
        var facets = request.Facets.Count == 0 ? null : new FacetCounter(request.Facets);
        var collector = new PageCollector(request.Sort, request.Offset + request.Limit, facets, cancellationToken);
        searcher.Search(query, collector);
        var hits = collector.Page(request.Offset, request.Limit).Select(e => new EngineHit(e.Id, e.Score)).ToList();
        return new EnginePage(collector.Total, hits, facets?.Result());
    }
}
