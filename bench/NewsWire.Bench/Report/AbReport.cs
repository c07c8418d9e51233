using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// bench/ab-reads.sh's table: each read's requests/s on the baseline build and on this one, measured in
/// alternation (wrk-{read}-c{C}-{side}-r{round}.txt), their means, the ratio, and whether this build is slower
/// by more than 5%.
/// </summary>
internal static class AbReport
{
    public static string Render(string folder, IEnumerable<string> reads)
    {
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "run.json")))!;
        var text = new StringBuilder();
        text.AppendLine(Inv($"Baseline {run["before"]} against {run["after"]}, started {run["started"]}; req/s per round in brackets (the sides alternate, the order turning each round)."));
        text.AppendLine();
        text.AppendLine("| read | connections | before req/s | after req/s | after ÷ before | before median | after median | slower by > 5% |");
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---|");
        foreach (var read in reads)
        {
            foreach (var c in new[] { 1, 32 })
            {
                var before = Runs(folder, read, c, "before");
                var after = Runs(folder, read, c, "after");
                if (before.Count == 0 || after.Count == 0)
                {
                    continue;
                }

                var (b, a) = (before.Average(r => Stats.Number(r["rps"])), after.Average(r => Stats.Number(r["rps"])));
                text.AppendLine(Inv($"| {read} | {c} | {b:N0} ({List(before)}) | {a:N0} ({List(after)}) | {a / b:0.00} | {Median(before):0.000} ms | {Median(after):0.000} ms | {(a / b < 0.95 ? "**yes**" : "no")} |"));
            }
        }

        foreach (var side in new[] { "before", "after" })
        {
            var file = Path.Combine(folder, $"rss-{side}.json");
            if (File.Exists(file))
            {
                var rss = JsonNode.Parse(File.ReadAllText(file))!;
                text.AppendLine();
                text.Append(Inv($"{side}: peak RSS {Stats.Number(rss["hwmKB"]) * 1024 / 1e6:0} MB."));
            }
        }

        text.AppendLine();
        return text.ToString();
    }

    private static List<JsonObject> Runs(string folder, string read, int connections, string side) =>
        Directory.EnumerateFiles(folder, $"wrk-{read}-c{connections}-{side}-r*.txt").Order(StringComparer.Ordinal).Select(Stats.ReadWrk).ToList();

    private static string List(List<JsonObject> runs) => string.Join(", ", runs.Select(r => Stats.Number(r["rps"]).ToString("N0", CultureInfo.InvariantCulture)));

    private static double Median(List<JsonObject> runs) => Stats.Percentile(runs.Select(r => Stats.Number(r["p50Us"]) / 1000), 50);

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
