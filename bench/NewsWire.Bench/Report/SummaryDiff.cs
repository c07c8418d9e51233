using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// Two bench/run.sh summaries of one size set side by side (issue 14's "nothing slower than before by more
/// than 5%"): the import, the search mix one request at a time, every read's requests/s at each connection
/// count beside the bare endpoint of the same run, memory and start-up. A read is compared by its ratio to the
/// bare endpoint of its own run as well as by requests/s, since the bare endpoint shows how loaded the
/// machine was in each run.
/// </summary>
internal static class SummaryDiff
{
    public static string Render(JsonObject before, JsonObject after, string beforeName, string afterName)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"| measure | {beforeName} | {afterName} | after ÷ before | slower by > 5% |"));
        text.AppendLine("|---|---:|---:|---:|---|");
        void Row(string name, double b, double a, bool higherIsBetter, string unit)
        {
            var ratio = a / b;
            var slower = higherIsBetter ? ratio < 0.95 : ratio > 1.05;
            text.AppendLine(Inv($"| {name} | {Format(b)}{unit} | {Format(a)}{unit} | {ratio:0.00} | {(slower ? "**yes**" : "no")} |"));
        }

        Row("import, articles/s", D(before["import"]!["newswire"]!["articlesPerSecond"]), D(after["import"]!["newswire"]!["articlesPerSecond"]), true, "");
        Row("search mix median, one at a time", D(before["search"]!["sequential"]!["medianMs"]), D(after["search"]!["sequential"]!["medianMs"]), false, " ms");
        Row("search mix p99, one at a time", D(before["search"]!["sequential"]!["p99Ms"]), D(after["search"]!["sequential"]!["p99Ms"]), false, " ms");
        foreach (var (key, node) in after["reads"]!.AsObject())
        {
            if (before["reads"]![key] is null)
            {
                continue;
            }

            foreach (var c in Summary.Concurrencies)
            {
                var (b, a) = (before["reads"]![key]![$"c{c}"]!, node![$"c{c}"]!);
                Row(Inv($"{key}, {c} conn., req/s"), D(b["newswire"]!["rps"]), D(a["newswire"]!["rps"]), true, "");
                Row(Inv($"{key}, {c} conn., ÷ bare endpoint of its run"), D(b["rpsRatio"]), D(a["rpsRatio"]), true, "");
            }
        }

        Row("peak RSS under load", D(before["service"]!["peakRssMB"]), D(after["service"]!["peakRssMB"]), false, " MB");
        Row("start-up to first answer", D(before["service"]!["startupMedianMs"]), D(after["service"]!["startupMedianMs"]), false, " ms");
        return text.ToString();
    }

    private static string Format(double value) => value.ToString(value < 10 ? "0.00" : value < 1000 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static double D(JsonNode? node) => double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);
}
