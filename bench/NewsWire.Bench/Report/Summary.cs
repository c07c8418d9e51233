using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsWire.Bench.Search;

namespace NewsWire.Bench.Report;

/// <summary>
/// Turns one run's raw files (bench/results/LABEL/) into the summary JSON: every figure with its baseline and
/// the ratio, and each target of the issue as met or not. Latencies are in milliseconds, memory in MB (10^6).
/// </summary>
internal static partial class Summary
{
    public static readonly int[] Concurrencies = [1, 8, 32];

    public static JsonObject Build(string folder, string label, string command, string newswireDb, string sqliteDb)
    {
        var targets = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "targets.json")))!.AsObject();
        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "corpus.json")))!;
        var summary = new JsonObject
        {
            ["label"] = label,
            ["articles"] = corpus["articles"]!.GetValue<int>(),
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["command"] = command,
            ["machine"] = Machine.Describe(),
            ["import"] = Import(folder, newswireDb, sqliteDb),
            ["search"] = Search(folder),
            ["reads"] = Reads(folder),
            ["service"] = Service(folder),
            ["corpus"] = corpus.DeepClone(),
            ["listing"] = targets.DeepClone(),
        };
        summary["targets"] = Targets.Check(summary);
        return summary;
    }

    private static JsonObject Import(string folder, string newswireDb, string sqliteDb)
    {
        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "corpus.json")))!;
        var n = corpus["articles"]!.GetValue<int>();
        var (nwWall, nwRss) = Stats.ReadTime(Path.Combine(folder, "import-newswire.time"));
        var (sqWall, sqRss) = Stats.ReadTime(Path.Combine(folder, "import-sqlite3.time"));
        var reported = ReportedRate().Match(File.ReadAllText(Path.Combine(folder, "import-newswire.out")));
        var nwRate = n / nwWall;
        var sqRate = n / sqWall;
        var (nwRows, sqRows) = (RowCheck.Fingerprint(newswireDb), RowCheck.Fingerprint(sqliteDb));
        return new JsonObject
        {
            ["articles"] = n,
            ["newswire"] = new JsonObject
            {
                ["tool"] = "dotnet NewsWire.Api.dll import FILE.ndjson (CLI, Release)",
                ["wallSeconds"] = Stats.Round(nwWall),
                ["articlesPerSecond"] = Stats.Round(nwRate, 0),
                ["reportedPerSecond"] = reported.Success ? double.Parse(reported.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null,
                ["maxRssMB"] = Stats.Round(nwRss, 1),
            },
            ["sqlite3"] = new JsonObject
            {
                ["tool"] = "sqlite3 db < inserts.sql (one transaction, same schema and triggers)",
                ["wallSeconds"] = Stats.Round(sqWall),
                ["articlesPerSecond"] = Stats.Round(sqRate, 0),
                ["maxRssMB"] = Stats.Round(sqRss, 1),
            },
            ["ratio"] = Stats.Round(nwRate / sqRate, 3),
            ["sameRows"] = nwRows == sqRows,
            ["rows"] = nwRows,
        };
    }

    private static JsonObject Search(string folder)
    {
        var engine = Read<List<EngineBaseline.CaseResult>>(Path.Combine(folder, "engine.json"));
        var probe = Read<List<EngineBaseline.CaseResult>>(Path.Combine(folder, "probe.json"));
        var engineAll = engine.SelectMany(c => c.Milliseconds).ToList();
        var perCase = new JsonArray();
        foreach (var (e, h) in engine.Zip(probe))
        {
            var (em, hm) = (Stats.Percentile(e.Milliseconds, 50), Stats.Percentile(h.Milliseconds, 50));
            perCase.Add(new JsonObject
            {
                ["name"] = e.Name,
                ["url"] = e.Url,
                ["total"] = e.Total,
                ["totalsAgree"] = e.Total == h.Total,
                ["engineMedianMs"] = Stats.Round(em, 3),
                ["engineP99Ms"] = Stats.Round(Stats.Percentile(e.Milliseconds, 99), 3),
                ["httpMedianMs"] = Stats.Round(hm, 3),
                ["httpP99Ms"] = Stats.Round(Stats.Percentile(h.Milliseconds, 99), 3),
                ["ratio"] = Stats.Round(hm / em, 2),
            });
        }

        var http = Wrk(folder, "search");
        var probeAll = probe.SelectMany(c => c.Milliseconds).ToList();
        var engineMedian = Stats.Percentile(engineAll, 50);
        var sequentialMedian = Stats.Percentile(probeAll, 50);
        return new JsonObject
        {
            ["engine"] = new JsonObject
            {
                ["tool"] = "the statements the service sends, captured from its own code and replayed in one long-lived process (Microsoft.Data.Sqlite, timed in process)",
                ["samples"] = engineAll.Count,
                ["medianMs"] = Stats.Round(engineMedian, 3),
                ["p99Ms"] = Stats.Round(Stats.Percentile(engineAll, 99), 3),
                ["meanMs"] = Stats.Round(engineAll.Average(), 3),
            },
            // One request at a time from a keep-alive HttpClient, the same rounds as the engine: the clean
            // latency comparison (wrk's latency histogram over-weights the slow searches of a mixed load at
            // 1 connection: its mean times its request count exceeds the run's length; see docs/benchmarks.md).
            ["sequential"] = new JsonObject
            {
                ["samples"] = probeAll.Count,
                ["medianMs"] = Stats.Round(sequentialMedian, 3),
                ["p99Ms"] = Stats.Round(Stats.Percentile(probeAll, 99), 3),
                ["meanMs"] = Stats.Round(probeAll.Average(), 3),
            },
            ["http"] = http,
            ["ratioMedian"] = Stats.Round(sequentialMedian / engineMedian, 2),
            ["perCase"] = perCase,
        };
    }

    private static JsonObject Reads(string folder)
    {
        var reads = new JsonObject();
        // *-uncached: the same paths on a service with the output cache off (ADR 9, ADR 15), against the same
        // bare endpoint; absent from runs made before those were measured.
        foreach (var (name, baseline) in new[] { ("get", "get"), ("get-uncached", "get"), ("first", "first"), ("first-uncached", "first"), ("second", "second"), ("deep", "deep"), ("deep-uncached", "deep"), ("feed", "feed") })
        {
            if (!File.Exists(Path.Combine(folder, $"wrk-{name}-c1.txt")))
            {
                continue;
            }

            var newswire = Wrk(folder, name);
            var bare = Wrk(folder, "bare-" + baseline);
            var byLevel = new JsonObject();
            foreach (var c in Concurrencies)
            {
                var (nw, b) = (newswire[$"c{c}"]!, bare[$"c{c}"]!);
                byLevel[$"c{c}"] = new JsonObject
                {
                    ["newswire"] = nw.DeepClone(),
                    ["bare"] = b.DeepClone(),
                    ["rpsRatio"] = Stats.Round(nw["rps"]!.GetValue<double>() / b["rps"]!.GetValue<double>(), 3),
                };
            }

            reads[name] = byLevel;
        }

        return reads;
    }

    private static JsonObject Service(string folder)
    {
        var startup = Read<List<double>>(Path.Combine(folder, "startup.json"));
        var status = File.ReadAllText(Path.Combine(folder, "service-status.txt"));
        double Kb(string field) => double.Parse(Regex.Match(status, field + @":\s+(\d+) kB").Groups[1].Value, CultureInfo.InvariantCulture) * 1024 / 1e6;
        return new JsonObject
        {
            ["startupMedianMs"] = Stats.Round(Stats.Percentile(startup, 50), 0),
            ["startupRunsMs"] = new JsonArray(startup.Select(s => (JsonNode)Stats.Round(s, 0)).ToArray()),
            ["peakRssMB"] = Stats.Round(Kb("VmHWM"), 1),
            ["rssAfterLoadMB"] = Stats.Round(Kb("VmRSS"), 1),
        };
    }

    /// <summary>wrk's figures for one scenario at each concurrency, latencies in ms.</summary>
    private static JsonObject Wrk(string folder, string scenario)
    {
        var levels = new JsonObject();
        foreach (var c in Concurrencies)
        {
            var raw = Stats.ReadWrk(Path.Combine(folder, $"wrk-{scenario}-c{c}.txt"));
            levels[$"c{c}"] = new JsonObject
            {
                ["rps"] = Stats.Round(Stats.Number(raw["rps"]), 0),
                ["p50Ms"] = Stats.Round(Stats.Number(raw["p50Us"]) / 1000, 3),
                ["p99Ms"] = Stats.Round(Stats.Number(raw["p99Us"]) / 1000, 3),
                ["requests"] = raw["requests"]!.GetValue<long>(),
                ["errors"] = raw["non2xx3xx"]!.GetValue<long>() + raw["connectErrors"]!.GetValue<long>() + raw["readErrors"]!.GetValue<long>()
                    + raw["writeErrors"]!.GetValue<long>() + raw["timeouts"]!.GetValue<long>(),
            };
        }

        return levels;
    }

    private static T Read<T>(string file) => JsonSerializer.Deserialize<T>(File.ReadAllText(file), JsonSerializerOptions.Web)!;

    [GeneratedRegex(@"\(([\d,]+)/s\)")]
    private static partial Regex ReportedRate();
}
