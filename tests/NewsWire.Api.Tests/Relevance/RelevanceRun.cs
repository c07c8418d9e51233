using System.Globalization;
using System.Text;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Relevance;

/// <summary>One judged query: how many stories are relevant, how many matched, and the scores of its first page.</summary>
public sealed record TopicScore(Judgment Judgment, int Relevant, int Matches, double Precision, double Ndcg);

/// <summary>
/// Runs every judged query through <c>GET /api/search</c> (relevance order, one page of the cutoff's size),
/// whichever engine answers it, and scores the page against the topic's labelled stories.
/// </summary>
public static class RelevanceRun
{
    public static async Task<IReadOnlyList<TopicScore>> MeasureAsync(ReutersSearchFixture fixture)
    {
        var scores = new List<TopicScore>();
        foreach (var judgment in Judgments.All)
        {
            var url = $"/api/search?q={Uri.EscapeDataString(judgment.Query)}&sort=relevance&limit={Judgments.Cutoff}";
            var page = (await fixture.Client.GetFromJsonAsync<SearchResults>(url, HttpExtensions.Json))!;
            var ranked = page.Items.Select(hit => fixture.IsRelevant(hit.Id, judgment.Topic)).ToList();
            var relevant = fixture.RelevantCounts.GetValueOrDefault(judgment.Topic);
            scores.Add(new TopicScore(judgment, relevant, page.Total,
                RankingMetrics.PrecisionAt(Judgments.Cutoff, ranked),
                RankingMetrics.NdcgAt(Judgments.Cutoff, ranked, relevant)));
        }

        return scores;
    }

    public static (double Precision, double Ndcg) Mean(IEnumerable<TopicScore> scores, string half)
    {
        var inHalf = scores.Where(s => s.Judgment.Half == half).ToList();
        return (inHalf.Average(s => s.Precision), inHalf.Average(s => s.Ndcg));
    }

    /// <summary>The per-topic figures and the means of each half, as the Markdown of docs/benchmarks.md.</summary>
    public static string Table(IReadOnlyList<TopicScore> scores)
    {
        var table = new StringBuilder();
        table.AppendLine("| half | topic | query | relevant | matches | P@10 | nDCG@10 |");
        table.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var s in scores)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Judgment.Half} | {s.Judgment.Topic} | {s.Judgment.Query} | {s.Relevant} | {s.Matches} | {s.Precision:0.00} | {s.Ndcg:0.000} |");
        }

        table.AppendLine().AppendLine("| half | topics | P@10 | nDCG@10 |").AppendLine("|---|---:|---:|---:|");
        foreach (var half in new[] { Judgments.Tune, Judgments.HeldOut })
        {
            var (precision, ndcg) = Mean(scores, half);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {half} | {scores.Count(s => s.Judgment.Half == half)} | {precision:0.000} | {ndcg:0.000} |");
        }

        return table.ToString();
    }
}
