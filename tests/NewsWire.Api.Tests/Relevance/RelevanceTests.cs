using NewsWire.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Relevance;

/// <summary>
/// Search relevance on the Reuters-21578 topic labels (issue 10): the floors are the figures FTS5 reached
/// (docs/benchmarks.md, Relevance) less a small margin, so an engine that ranks worse fails here.
/// </summary>
public sealed class RelevanceTests(ReutersSearchFixture fixture, ITestOutputHelper output) : IClassFixture<ReutersSearchFixture>
{
    private const double Margin = 0.02;

    /// <summary>What FTS5 reached on each half (docs/benchmarks.md): the bar for every engine.</summary>
    public static readonly IReadOnlyDictionary<string, (double Precision, double Ndcg)> Fts5 = new Dictionary<string, (double, double)>
    {
        [Judgments.Tune] = (0.690, 0.679),
        [Judgments.HeldOut] = (0.685, 0.691),
    };

    [ReutersCorpusFact]
    public async Task SearchRanksLabelledStoriesFirstAtLeastAsWellAsFts5()
    {
        var scores = await RelevanceRun.MeasureAsync(fixture);
        output.WriteLine(RelevanceRun.Table(scores));

        ShouldReach(scores, Fts5, Margin);
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
