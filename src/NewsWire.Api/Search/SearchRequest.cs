using NewsWire.Api.Articles;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}

public enum Facet
{
    Source,
    Tag,
    Place,
    Month,
}

/// <summary>A checked search: the parsed query, the listing filters, and how to page and count.</summary>
public sealed record SearchRequest(
    SearchQuery Query,
    ArticleFilter Filter,
    SearchSort Sort,
    int Limit,
    int Offset,
    IReadOnlySet<Facet> Facets);

/// <summary>What a search index answers; the handler adds the query text.</summary>
public sealed record SearchPage(
    int Total,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets);

/// <summary>
/// Full-text search over the article store: the Lucene engine answers it for every provider
/// (<see cref="Lucene.LuceneArticleSearch"/>, ADR 23); an engine such as OpenSearch would answer the same
/// request (ADR 24). Whichever it is, it answers within the <see cref="SearchBudget"/> (handlers get it wrapped
/// in <see cref="BudgetedSearch"/>): it stops its work once the token is cancelled, and throws
/// <see cref="SearchTooBroadException"/> for a prefix that stands for more words of its index than allowed.
/// </summary>
public interface IArticleSearch
{
    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}
