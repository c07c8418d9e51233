namespace NewsWire.Api.Search;

/// <summary>
/// An engine whose index lives outside the store (Lucene's, per instance) and follows it through the change log:
/// before a search, it brings the index up to every write acknowledged before the search arrived (ADR 21, 22).
/// <see cref="BudgetedSearch"/> waits for it before the search's time budget starts: catching up with writes is
/// the instance's work, not the query's cost. An engine inside the store would need none.
/// </summary>
public interface ISearchIndexFreshness
{
    /// <param name="cancellationToken">Stops this search's waiting (its client left); a catch-up others share goes on.</param>
    Task EnsureCurrentAsync(CancellationToken cancellationToken);
}
