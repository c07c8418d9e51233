using Microsoft.Extensions.Options;

namespace NewsWire.Api.Search;

/// <summary>
/// The search budget around any engine. It refuses a query with more prefixes than the budget allows before
/// the engine sees it, and hands the engine a token that is cancelled when the client goes away or the time
/// runs out. The engine stops its work when the token is cancelled, even inside a running statement, and
/// counts what each prefix stands for in its own index (only it knows). An engine with an index of its own
/// (<see cref="ISearchIndexFreshness"/>) is brought up to date first, outside the time budget. Time running out is the query's
/// doing, a 400 that says how to narrow it; a client gone is nobody's, and the work just stops.
/// </summary>
internal sealed class BudgetedSearch(IArticleSearch engine, SearchBudget budget, ISearchIndexFreshness? freshness) : IArticleSearch
{
    /// <summary>The <see cref="IArticleSearch"/> handlers get: <typeparamref name="TEngine"/> inside the budget.</summary>
    public static ServiceDescriptor Around<TEngine>() where TEngine : IArticleSearch => ServiceDescriptor.Scoped<IArticleSearch>(
        provider => new BudgetedSearch(provider.GetRequiredService<TEngine>(), provider.GetRequiredService<IOptions<SearchBudget>>().Value,
            provider.GetService<ISearchIndexFreshness>()));

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var prefixes = request.Query.Prefixes.Count();
        if (prefixes > budget.MaxPrefixesPerQuery)
        {
            throw SearchTooBroadException.TooManyPrefixes(prefixes, budget.MaxPrefixesPerQuery);
        }

        if (freshness is not null)
        {
            await freshness.EnsureCurrentAsync(cancellationToken); // before the clock starts: not the query's cost
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget.Timeout);
        try
        {
            return await engine.SearchAsync(request, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw SearchTooBroadException.OutOfTime(budget.Timeout, request.Facets.Count > 0);
        }
    }
}
