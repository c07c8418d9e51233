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

    private static readonly Dictionary<string, (double Precision, double Ndcg)> Fts5 = new()
    {
        [Judgments.Tune] = (0.690, 0.679),
        [Judgments.HeldOut] = (0.685, 0.691),
    };

    [ReutersCorpusFact]
    public async Task SearchRanksLabelledStoriesFirstAtLeastAsWellAsFts5()
    {
        var scores = await RelevanceRun.MeasureAsync(fixture);
        output.WriteLine(RelevanceRun.Table(scores));

        foreach (var (half, floor) in Fts5)
        {
            var (precision, ndcg) = RelevanceRun.Mean(scores, half);
            precision.Should().BeGreaterThanOrEqualTo(floor.Precision - Margin, "mean P@10 of the {0} half", half);
            ndcg.Should().BeGreaterThanOrEqualTo(floor.Ndcg - Margin, "mean nDCG@10 of the {0} half", half);
        }
    }

    [ReutersCorpusFact]
    public void EveryJudgedTopicHasAtLeastAPageOfSearchableStories()
    {
        var counts = Judgments.All.ToDictionary(j => j.Topic, j => fixture.RelevantCounts.GetValueOrDefault(j.Topic));

        counts.Should().OnlyContain(c => c.Value >= Judgments.Cutoff);
    }
}
