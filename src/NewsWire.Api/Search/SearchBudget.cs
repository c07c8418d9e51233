using System.ComponentModel.DataAnnotations;

namespace NewsWire.Api.Search;

/// <summary>
/// What one search may cost (configuration section <c>NewsWire:Search</c>). Past any of it the search is
/// refused with a 400 problem that says the query is too broad and how to narrow it. The budget belongs to
/// the HTTP contract, not to an engine: <see cref="BudgetedSearch"/> keeps the time and the number of
/// prefixes around whichever engine answers, and each engine counts, in its own index, what a prefix
/// stands for.
/// </summary>
public sealed class SearchBudget
{
    public const string Section = "NewsWire:Search";

    /// <summary>How long one search may run, in milliseconds.</summary>
    [Range(1, int.MaxValue)]
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>How many different indexed words one prefix may stand for.</summary>
    [Range(1, int.MaxValue)]
    public int MaxWordsPerPrefix { get; set; } = 1_000;

    /// <summary>How many prefixes one query may hold: an index expands, and holds in memory, each on its own.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPrefixesPerQuery { get; set; } = 10;

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMs);
}
