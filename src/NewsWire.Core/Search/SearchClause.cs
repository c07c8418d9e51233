namespace NewsWire.Core.Search;

/// <summary>
/// One ANDed part of a query: a single term, or an OR group of alternatives (<c>b OR c</c>). An excluded
/// clause removes whatever any of its alternatives matches.
/// </summary>
public sealed record SearchClause(ValueList<SearchTerm> Alternatives, bool IsExcluded = false)
{
    public ValueList<SearchTerm> Alternatives { get; } = CheckAlternatives(Alternatives);

    public static SearchClause Of(SearchTerm term, bool isExcluded = false) => new([term], isExcluded);

    private static ValueList<SearchTerm> CheckAlternatives(ValueList<SearchTerm> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        return alternatives.Count > 0 && alternatives.All(a => a is not null)
            ? alternatives
            : throw new ArgumentException("A clause needs at least one term.", nameof(alternatives));
    }
}
