using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Core.Search;

namespace NewsWire.Api.Push;

/// <summary>The query string of <c>GET /api/search/stream</c>: a search's <c>q</c> and the listing filters, nothing that pages or sorts.</summary>
public sealed record StreamParameters : ListingParameters
{
    /// <summary>The query, as for search: 1..500 characters, words (ANDed), "exact phrase", OR, -exclude, prefix*, headline:/lead:/body:/place: scopes.</summary>
    public string? Q { get; init; }

    public (SearchQuery Query, ArticleFilter Filter)? ToSearch(IDictionary<string, string[]> errors)
    {
        var query = SearchParameters.ParseQuery(Q, errors);
        var filter = ToFilter(errors);
        return errors.Count > 0 || query is null || filter is null ? null : (query, filter);
    }
}
