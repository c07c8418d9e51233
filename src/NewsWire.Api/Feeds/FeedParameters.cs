using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Core.Search;

namespace NewsWire.Api.Feeds;

/// <summary>The query string of every feed: the listing filters, a search and the page.</summary>
public sealed record FeedParameters : ListingParameters
{
    /// <summary>A search, as for /api/search (words, "phrase", OR, -exclude, prefix*, headline:); the feed is then its matches, newest first.</summary>
    public string? Q { get; init; }
    /// <summary>Entries per page, 1..100 (default 20).</summary>
    public string? Limit { get; init; }
    /// <summary>Where the page starts: from the feed's next link (RFC 5005); opaque.</summary>
    public string? Cursor { get; init; }

    public FeedRequest? ToRequest(IDictionary<string, string[]> errors)
    {
        var query = Q is null ? null : SearchParameters.ParseQuery(Q, errors);
        var filter = ToFilter(errors);
        var limit = ListArticles.ParseLimit(Limit, errors);
        ListCursor? cursor = null;
        if (Cursor is not null && (!ListCursor.TryDecode(Cursor, out cursor) || cursor!.Order != ListOrder.Newest))
        {
            errors["cursor"] = ["The cursor is not one this feed issued; follow the feed's next link unchanged."];
        }

        return errors.Count > 0 || filter is null ? null : new FeedRequest(query, filter, limit, cursor, Title(filter));
    }

    /// <summary>What the feed is, in words: "NewsWire: refugees, source TASS".</summary>
    private string Title(ArticleFilter filter)
    {
        var parts = new List<string>();
        if (Q is not null)
        {
            parts.Add(Q.Trim());
        }

        AddValues(parts, "source", filter.Sources);
        AddValues(parts, "tag", filter.Tags);
        AddValues(parts, "place", filter.Places);
        AddValues(parts, "lang", filter.Langs);
        if (From is not null)
        {
            parts.Add("from " + From.Trim());
        }

        if (To is not null)
        {
            parts.Add("to " + To.Trim());
        }

        if (filter.IncludeDuplicates)
        {
            parts.Add("with near-duplicates");
        }

        return "NewsWire: " + (parts.Count == 0 ? "newest articles" : string.Join(", ", parts));
    }

    private static void AddValues(List<string> parts, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            // In one order, as the feed's links are (FeedLinks): the same feed has the same title.
            parts.Add($"{name} {string.Join(" or ", values.Order(StringComparer.Ordinal))}");
        }
    }
}

/// <summary>A checked feed request: the search (or none: the listing), the filters, the page, the title.</summary>
public sealed record FeedRequest(SearchQuery? Query, ArticleFilter Filter, int Limit, ListCursor? Cursor, string Title);
