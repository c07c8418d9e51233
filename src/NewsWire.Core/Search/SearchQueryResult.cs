using System.Diagnostics.CodeAnalysis;

namespace NewsWire.Core.Search;

/// <summary>Either a query or the reason the text is not one, worded for the user (a 400 problem's detail).</summary>
public sealed record SearchQueryResult
{
    private SearchQueryResult(SearchQuery? query, string? error)
    {
        Query = query;
        Error = error;
    }

    public SearchQuery? Query { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Query))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Query is not null;

    public static SearchQueryResult Success(SearchQuery query) =>
        new(query ?? throw new ArgumentNullException(nameof(query)), null);

    public static SearchQueryResult Failure(string error) =>
        new(null, string.IsNullOrWhiteSpace(error) ? throw new ArgumentException("An error needs a message.", nameof(error)) : error);
}
