namespace NewsWire.Core.Search;

/// <summary>
/// A parsed search: every required clause must match, and no excluded clause may. A query always has at
/// least one required clause, because a full-text index can list the rows that contain a term but not
/// "every row except": a query that only excludes cannot be built.
/// </summary>
public sealed record SearchQuery(ValueList<SearchClause> Clauses)
{
    public ValueList<SearchClause> Clauses { get; } = CheckClauses(Clauses);

    public IEnumerable<SearchClause> Required => Clauses.Where(c => !c.IsExcluded);

    public IEnumerable<SearchClause> Excluded => Clauses.Where(c => c.IsExcluded);

    /// <summary>
    /// Every prefix term, required or excluded, once per occurrence: an index expands each one on its own,
    /// so <c>w* w*</c> costs twice what <c>w*</c> does. What a search budget counts.
    /// </summary>
    public IEnumerable<SearchTerm> Prefixes => Clauses.SelectMany(c => c.Alternatives).Where(t => t.IsPrefix);

    private static ValueList<SearchClause> CheckClauses(ValueList<SearchClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        if (clauses.Any(c => c is null))
        {
            throw new ArgumentException("Clauses cannot be null.", nameof(clauses));
        }

        return clauses.Any(c => !c.IsExcluded)
            ? clauses
            : throw new ArgumentException("A query needs at least one clause that is not excluded.", nameof(clauses));
    }
}
