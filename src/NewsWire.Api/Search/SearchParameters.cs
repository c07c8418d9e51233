using System.Globalization;
using NewsWire.Api.Articles;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search;

/// <summary>The query string of <c>GET /api/search</c>.</summary>
public sealed record SearchParameters : ListingParameters
{
    public const int MaxOffset = 10_000;

    /// <summary>The query, 1..500 characters: words (ANDed), "exact phrase", OR, -exclude, prefix*, headline:/lead:/body:/place: scopes.</summary>
    public string? Q { get; init; }
    /// <summary>relevance (default), newest or oldest.</summary>
    public string? Sort { get; init; }
    /// <summary>Page size, 1..100 (default 20).</summary>
    public string? Limit { get; init; }
    /// <summary>Hits to skip, 0..10000 (default 0). Deeper than that, narrow the search with from/to.</summary>
    public string? Offset { get; init; }
    /// <summary>Counts to return over the whole match set, comma-separated: any of source, tag, place, month.</summary>
    public string? Facets { get; init; }

    public SearchRequest? ToRequest(IDictionary<string, string[]> errors)
    {
        var query = ParseQuery(Q, errors);
        var filter = ToFilter(errors);
        var sort = ParseSort(errors);
        var limit = ListArticles.ParseLimit(Limit, errors);
        var offset = ParseOffset(errors);
        var facets = ParseFacets(errors);
        return errors.Count > 0 || query is null || filter is null
            ? null
            : new SearchRequest(query, filter, sort, limit, offset, facets);
    }

    /// <summary>The typed query of <c>q</c>, or null with the parser's message under <c>q</c>.</summary>
    internal static SearchQuery? ParseQuery(string? q, IDictionary<string, string[]> errors)
    {
        var parsed = SearchQueryParser.Parse(q);
        if (parsed.Query is null)
        {
            errors["q"] = [parsed.Error ?? "The query is not valid."];
        }

        return parsed.Query;
    }

    private SearchSort ParseSort(IDictionary<string, string[]> errors)
    {
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "relevance":
                return SearchSort.Relevance;
            case "newest":
                return SearchSort.Newest;
            case "oldest":
                return SearchSort.Oldest;
            default:
                errors["sort"] = [$"'{ArticleDrafts.Truncated(Sort)}' is not a sort; use relevance, newest or oldest."];
                return SearchSort.Relevance;
        }
    }

    private int ParseOffset(IDictionary<string, string[]> errors)
    {
        if (Offset is null)
        {
            return 0;
        }

        if (int.TryParse(Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset <= MaxOffset)
        {
            return offset;
        }

        errors["offset"] = [$"'{ArticleDrafts.Truncated(Offset)}' is not an offset; use a whole number from 0 to {MaxOffset:N0}. " +
            "To go deeper, narrow the search by date with from and to."];
        return 0;
    }

    private HashSet<Facet> ParseFacets(IDictionary<string, string[]> errors)
    {
        var facets = new HashSet<Facet>();
        foreach (var name in (Facets ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<Facet>(name, ignoreCase: true, out var facet) && Enum.IsDefined(facet) && !int.TryParse(name, out _))
            {
                facets.Add(facet);
            }
            else
            {
                errors["facets"] = [$"'{ArticleDrafts.Truncated(name)}' is not a facet; use any of source, tag, place, month, comma-separated."];
            }
        }

        return facets;
    }
}
