using System.Globalization;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// The issue's targets (stated for 1M articles; checked at whatever N the run had, and labelled with it).
/// Where the issue leaves a choice open, the choice is written into the target's text:
/// throughput ratios at 32 connections (the server saturated), latencies one request at a time (no queueing),
/// "as fast as" as within 10%, and memory in MB of 10^6 bytes.
/// </summary>
internal static class Targets
{
    public static JsonArray Check(JsonObject s)
    {
        var search = s["search"]!;
        var engineMedian = D(search["engine"]!["medianMs"]);
        var httpMedian = D(search["sequential"]!["medianMs"]);
        var get = s["reads"]!["get"]!["c32"]!;
        var uncached = s["reads"]!["get-uncached"]?["c32"];
        var firstPage = s["reads"]!["first"]!["c32"]!;
        // Depth is a cost of reading the page from the database: with the output cache on, every fixed page is
        // served from memory, so the comparison uses the cache-off pages where the run has them.
        var pages = s["reads"]!["deep-uncached"] is null ? "" : "-uncached";
        var first = D(s["reads"]!["first" + pages]!["c1"]!["newswire"]!["p50Ms"]);
        var deep = D(s["reads"]!["deep" + pages]!["c1"]!["newswire"]!["p50Ms"]);
        var second = pages.Length > 0 ? null : s["reads"]!["second"]?["c1"]?["newswire"]?["p50Ms"];
        var import = s["import"]!;
        var importRss = D(import["newswire"]!["maxRssMB"]);
        var serviceRss = D(s["service"]!["peakRssMB"]);

        return
        [
            Target("search median ≤ 1.25 × engine + 1 ms (one request at a time)", $"{httpMedian:0.00} ms vs {1.25 * engineMedian + 1:0.00} ms (engine {engineMedian:0.00} ms)",
                httpMedian <= 1.25 * engineMedian + 1),
            Target("search median < 20 ms for the mix (one request at a time)", $"{httpMedian:0.00} ms", httpMedian < 20),
            Target("get by id ≥ 70% of the bare endpoint's requests/s (32 connections)",
                Percent(D(get["rpsRatio"])) + (uncached is null ? "" : $" ({Percent(D(uncached["rpsRatio"]))} with the article cache off)"),
                D(get["rpsRatio"]) >= 0.7),
            Target("first listing page ≥ 50% of the bare endpoint's requests/s (32 connections)", Percent(D(firstPage["rpsRatio"])), D(firstPage["rpsRatio"]) >= 0.5),
            .. (s["reads"]!["feed"]?["c32"] is { } feed
                ? new[] { Target("Atom feed ≥ 50% of the bare endpoint's requests/s (32 connections)", Percent(D(feed["rpsRatio"])), D(feed["rpsRatio"]) >= 0.5) }
                : []),
            Target("deep cursor page as fast as the first page (median within 10%, 1 connection" + (pages.Length > 0 ? ", both read from the database)" : ")"),
                $"{deep:0.00} ms vs {first:0.00} ms" + (second is null ? "" : $" (second page, by cursor: {D(second):0.00} ms)"), deep <= first * 1.1),
            Target("import ≥ 80% of the sqlite3 tool's rate", Percent(D(import["ratio"])), D(import["ratio"]) >= 0.8),
            Target("peak memory ≤ 300 MB (service under load; CLI import)", $"{serviceRss:0} MB; {importRss:0} MB", serviceRss <= 300 && importRss <= 300),
        ];
    }

    private static JsonObject Target(string target, string measured, bool met) =>
        new() { ["target"] = target, ["measured"] = measured, ["met"] = met };

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static double D(JsonNode? node) => double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);
}
