namespace NewsWire.Api.Tests.Relevance;

public sealed class RankingMetricsTests
{
    [Theory]
    [InlineData(new[] { true, true, true, true, true, true, true, true, true, true }, 50, 1.0, 1.0)]
    [InlineData(new[] { false, false, false, false, false, false, false, false, false, false }, 50, 0.0, 0.0)]
    // Two relevant stories, both found but second and third: DCG 1/log2(3) + 1/log2(4), ideal 1 + 1/log2(3).
    [InlineData(new[] { false, true, true, false, false, false, false, false, false, false }, 2, 0.2, 0.6934)]
    // A short page: its missing places are not relevant; three relevant of three, found first.
    [InlineData(new[] { true, true, true }, 3, 0.3, 1.0)]
    [InlineData(new[] { true, false, false, false, false, false, false, false, false, false }, 10, 0.1, 0.2201)]
    public void PrecisionAndNdcgAtTenScoreARankedPage(bool[] ranked, int relevantCount, double precision, double ndcg)
    {
        RankingMetrics.PrecisionAt(10, ranked).Should().BeApproximately(precision, 1e-9);
        RankingMetrics.NdcgAt(10, ranked, relevantCount).Should().BeApproximately(ndcg, 1e-4);
    }
}
