namespace NewsWire.Api.Tests.Relevance;

/// <summary>
/// Precision and binary-relevance nDCG at a cutoff, over a ranked list of hits marked relevant or not.
/// A page shorter than the cutoff counts its missing places as not relevant.
/// </summary>
public static class RankingMetrics
{
    public static double PrecisionAt(int cutoff, IReadOnlyList<bool> ranked) =>
        ranked.Take(cutoff).Count(relevant => relevant) / (double)cutoff;

    /// <summary>The page's DCG over the ideal one, which puts min(cutoff, relevantCount) relevant documents first.</summary>
    public static double NdcgAt(int cutoff, IReadOnlyList<bool> ranked, int relevantCount)
    {
        var ideal = Dcg(Enumerable.Repeat(true, Math.Min(cutoff, relevantCount)));
        return ideal == 0 ? 0 : Dcg(ranked.Take(cutoff)) / ideal;
    }

    // Rank r (from 1) gains 1 / log2(r + 1) when relevant.
    private static double Dcg(IEnumerable<bool> ranked) =>
        ranked.Select((relevant, index) => relevant ? 1 / Math.Log2(index + 2) : 0).Sum();
}
