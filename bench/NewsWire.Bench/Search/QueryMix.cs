using System.Globalization;
using NewsWire.Api.Search;

namespace NewsWire.Bench.Search;

/// <summary>One search of the mix: what a client sends, and the same request as the engine baseline runs it.</summary>
public sealed record SearchCase(string Name, string Q)
{
    public string Sort { get; init; } = "relevance";
    public IReadOnlyList<string> Facets { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Places { get; init; } = [];
    public DateOnly? From { get; init; }
    /// <summary>Inclusive, as the API reads a bare date; the SQL bound is the next day, exclusive.</summary>
    public DateOnly? To { get; init; }
    public int Offset { get; init; }

    /// <summary>The same request as the endpoint binds it from the query string.</summary>
    public SearchParameters ToParameters() => new()
    {
        Q = Q,
        Tag = Tags.Count == 0 ? null : [.. Tags],
        Place = Places.Count == 0 ? null : [.. Places],
        From = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Sort = Sort == "relevance" ? null : Sort,
        Facets = Facets.Count == 0 ? null : string.Join(',', Facets),
        Offset = Offset > 0 ? Offset.ToString(CultureInfo.InvariantCulture) : null,
    };

    public string Url()
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Q) };
        query.AddRange(Tags.Select(t => "tag=" + Uri.EscapeDataString(t)));
        query.AddRange(Places.Select(p => "place=" + Uri.EscapeDataString(p)));
        if (From is { } from)
        {
            query.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            query.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Sort != "relevance")
        {
            query.Add("sort=" + Sort);
        }

        if (Facets.Count > 0)
        {
            query.Add("facets=" + string.Join(',', Facets));
        }

        if (Offset > 0)
        {
            query.Add("offset=" + Offset.ToString(CultureInfo.InvariantCulture));
        }

        return "/api/search?" + string.Join('&', query);
    }
}

/// <summary>
/// The fixed mix: rare and common words, a phrase, a prefix, a column scope, OR and exclusion, each listing
/// filter, facets on a rare and a common word, date order and a deeper offset. wrk sends them round-robin and
/// the engine baseline times them round-robin, so both medians weigh every case alike.
/// </summary>
public static class QueryMix
{
    public static IReadOnlyList<SearchCase> Cases { get; } =
    [
        new("rare word", "cruzados"),
        new("rarest word", "temporao"),
        new("common word", "oil"),
        new("most common word", "said"),
        new("two words", "interest rates"),
        new("phrase", "\"trade deficit\""),
        new("prefix", "export*"),
        new("headline scope", "headline:cocoa"),
        new("OR", "wheat OR corn"),
        new("exclusion", "bank -loan"),
        new("tag filter", "oil") { Tags = ["crude"] },
        new("date filter", "dollar") { From = new DateOnly(2010, 1, 1), To = new DateOnly(2010, 12, 31) },
        new("place filter", "grain") { Places = ["Chicago"] },
        new("facets, rare word", "coffee") { Facets = ["source", "tag", "place", "month"] },
        new("facets, common word", "trade") { Facets = ["source", "tag", "place", "month"] },
        new("newest first", "gold") { Sort = "newest" },
        new("offset 1000", "shares") { Offset = 1000 },
    ];
}
