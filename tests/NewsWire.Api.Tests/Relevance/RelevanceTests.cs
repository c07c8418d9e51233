using NewsWire.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Relevance;

/// <summary>
/// Search relevance on the Reuters-21578 topic labels (issue 10): Lucene replaced FTS5 only because it ranks at
/// least as well on both halves, so FTS5's figures are the floor, with no margin. Lucene sums a BM25 score per
/// field (each saturating and length-normalized on its own) where FTS5 scored one weighted frequency over the
/// whole row, so the same weights rank differently (ADR 18).
/// </summary>
public sealed class RelevanceTests(ReutersSearchFixture fixture, ITestOutputHelper output) : IClassFixture<ReutersSearchFixture>
{
    /// <summary>
    /// What the FTS5 engine reached on each half, measured by this test on the FTS5 engine before it was removed
    /// (docs/benchmarks.md, Relevance; ADR 23). FTS5 is gone from the service, so these are constants now.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (double Precision, double Ndcg)> Fts5 = new Dictionary<string, (double, double)>
    {
        [Judgments.Tune] = (0.690, 0.679),
        [Judgments.HeldOut] = (0.685, 0.691),
    };

    [ReutersCorpusFact]
    public async Task SearchRanksLabelledStoriesFirstAtLeastAsWellAsFts5Did()
    {
        var scores = await RelevanceRun.MeasureAsync(fixture);
        output.WriteLine(RelevanceRun.Table(scores));
        foreach (var half in new[] { Judgments.Tune, Judgments.HeldOut })
        {
            var (precision, ndcg) = RelevanceRun.Mean(scores, half);
            output.WriteLine($"{half}: P@10 {precision:0.000}, nDCG@10 {ndcg:0.000}");
        }

        ShouldReach(scores, Fts5, margin: 0);
    }

    /// <summary>Each half's mean P@10 and nDCG@10 at least the floor, less <paramref name="margin"/>.</summary>
    public static void ShouldReach(IReadOnlyList<TopicScore> scores, IReadOnlyDictionary<string, (double Precision, double Ndcg)> floors, double margin)
    {
        foreach (var (half, floor) in floors)
        {
            var (precision, ndcg) = RelevanceRun.Mean(scores, half);
            precision.Should().BeGreaterThanOrEqualTo(floor.Precision - margin, "mean P@10 of the {0} half", half);
            ndcg.Should().BeGreaterThanOrEqualTo(floor.Ndcg - margin, "mean nDCG@10 of the {0} half", half);
        }
    }

    [ReutersCorpusFact]
    public void EveryJudgedTopicHasAtLeastAPageOfSearchableStories()
    {
        var counts = Judgments.All.ToDictionary(j => j.Topic, j => fixture.RelevantCounts.GetValueOrDefault(j.Topic));

        counts.Should().OnlyContain(c => c.Value >= Judgments.Cutoff);
    }
}
