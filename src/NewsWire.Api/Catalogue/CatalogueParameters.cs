using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Catalogue;

/// <summary>The query string of the catalogue lists (sources, tags, places).</summary>
public sealed record CatalogueParameters
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxPrefix = 100;

    /// <summary>How many values, 1..1000 (default 100).</summary>
    public string? Limit { get; init; }
    /// <summary>Only values that start with this, ignoring case and diacritics (zu finds Zürich); for autocomplete. At most 100 characters.</summary>
    public string? Prefix { get; init; }

    public (int Limit, string Prefix)? Parse(IDictionary<string, string[]> errors)
    {
        var limit = QueryLimit.Parse(Limit, DefaultLimit, MaxLimit, errors);

        if (Prefix is { Length: > MaxPrefix })
        {
            errors["prefix"] = [$"The prefix is {Prefix.Length:N0} characters; the limit is {MaxPrefix}."];
        }

        return errors.Count > 0 ? null : (limit, Prefix ?? "");
    }
}
