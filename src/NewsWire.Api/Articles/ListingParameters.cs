using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

/// <summary>The filters every listing shares (articles, search, later feeds). Strings, so that a bad value is
/// our 400 with the parameter's name rather than a binding failure.</summary>
public record ListingParameters
{
    /// <summary>Agency; repeat to OR (source=TASS&amp;source=Reuters). Case-insensitive.</summary>
    public string[]? Source { get; init; }
    /// <summary>Tag; repeat to OR.</summary>
    public string[]? Tag { get; init; }
    /// <summary>Dateline place; repeat to OR.</summary>
    public string[]? Place { get; init; }
    /// <summary>Language (BCP 47); repeat to OR.</summary>
    public string[]? Lang { get; init; }
    /// <summary>Published at or after: ISO date or date-time. A bare date means from the start of that day (UTC).</summary>
    public string? From { get; init; }
    /// <summary>Published at or before: ISO date or date-time. A bare date includes the whole day (UTC).</summary>
    public string? To { get; init; }
    /// <summary>true to include near-duplicates (stories that repeat another with small changes); default false.</summary>
    public string? IncludeDuplicates { get; init; }

    public ArticleFilter? ToFilter(IDictionary<string, string[]> errors)
    {
        var from = ParseBound(From, "from", errors, endOfDay: false);
        var to = ParseBound(To, "to", errors, endOfDay: true);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["'to' is before 'from': no article can match."];
        }

        var includeDuplicates = false;
        if (IncludeDuplicates is not null && !bool.TryParse(IncludeDuplicates, out includeDuplicates))
        {
            errors["includeDuplicates"] = [$"'{ArticleDrafts.Truncated(IncludeDuplicates)}' is not true or false."];
        }

        var sources = Values(Source, "source", errors);
        var tags = Values(Tag, "tag", errors);
        var places = Values(Place, "place", errors);
        var langs = Values(Lang, "lang", errors);
        return errors.Count > 0 ? null : new ArticleFilter(sources, tags, places, langs, from, to, includeDuplicates);
    }

    /// <summary>A filter's values, trimmed and distinct. One no stored article can hold is a 400, not an empty
    /// answer: it is a mistake, and PostgreSQL would refuse a NUL in it rather than compare.</summary>
    private static string[] Values(string[]? values, string name, IDictionary<string, string[]> errors)
    {
        var kept = values?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? [];
        return kept.All(v => PlainInput.IsPlain(v, name, errors)) ? kept : [];
    }

    /// <summary>Bounds become a half-open range [from, to): a bare 'to' date ends at the next midnight,
    /// a date-time 'to' is inclusive so it ends one tick later.</summary>
    private static DateTime? ParseBound(string? value, string name, IDictionary<string, string[]> errors, bool endOfDay)
    {
        if (value is null)
        {
            return null;
        }

        if (!IsoDate.TryParse(value, out var utc, out var isDateOnly))
        {
            errors[name] = [$"'{ArticleDrafts.Truncated(value)}' is not {IsoDate.Expected}."];
            return null;
        }

        if (!endOfDay)
        {
            return utc;
        }

        // Near the end of the calendar there is no "next" instant: no upper bound is the same thing.
        var span = isDateOnly ? TimeSpan.FromDays(1) : TimeSpan.FromTicks(1);
        return DateTime.MaxValue - utc > span ? utc + span : null;
    }
}
