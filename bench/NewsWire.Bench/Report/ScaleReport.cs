using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// bench/search-scale.sh's summary (issue 10's targets): import until the index has caught up, reindex, the mix
/// over HTTP beside FTS5 over HTTP and beside the same search in process, facets over the `trade` match set,
/// and the service's peak RSS under the search load. Every figure beside its target and its baseline.
/// </summary>
internal static class ScaleReport
{
    /// <summary>Today's import (docs/benchmarks.md, 1M, FTS5, before issue 10): the target is 1.5 × it.</summary>
    private const double PreviousImportRate = 1759;

    public static JsonObject Build(string folder, string label)
    {
        JsonNode Read(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name)))!;
        var run = Read("run.json");
        var importRun = File.Exists(Path.Combine(folder, "import-run.json")) ? Read("import-run.json") : run;
        var articles = Read("corpus.json")["articles"]!.GetValue<int>();
        var (importWall, importRss) = Stats.ReadTime(Path.Combine(folder, "import.time"));
        var importCpu = Stats.ReadCpuSeconds(Path.Combine(folder, "import.time"));
        var catchup = Read("catchup.json");
        var catchupSeconds = D(catchup["serviceStartToFirstSearchSeconds"]);
        var compare = Read("compare.json");
        var sides = compare["result"]!["sides"]!;
        var (http, fts5, inProcess) = (sides["lucene-http"]!, sides["fts5-http"] ?? sides["fts5-in-process"], sides["lucene-in-process"]!);
        // Before ADR 23 the FTS5 baseline was a service over HTTP; since, the bench's FTS5 statements in process.
        var fts5Kind = sides["fts5-http"] is not null ? "FTS5 over HTTP" : "FTS5 in process";

        var reindexFile = Path.Combine(folder, "reindex.time");
        JsonObject reindex;
        if (File.Exists(reindexFile))
        {
            var (wall, rss) = Stats.ReadTime(reindexFile);
            reindex = new JsonObject { ["method"] = "dotnet NewsWire.Api.dll reindex", ["seconds"] = Stats.Round(wall, 1), ["maxRssMB"] = Stats.Round(rss, 0) };
        }
        else if (File.Exists(Path.Combine(folder, "reindex.timeout")))
        {
            var limit = double.Parse(File.ReadAllText(Path.Combine(folder, "reindex.timeout")).Trim(), CultureInfo.InvariantCulture);
            reindex = new JsonObject { ["method"] = Inv($"dotnet NewsWire.Api.dll reindex, stopped unfinished after {limit:0} s"), ["seconds"] = limit, ["finished"] = false };
        }
        else
        {
            reindex = new JsonObject
            {
                ["method"] = "no reindex command in this build: the service's start on an empty index folder (step 2's catch-up), which builds the index from the store",
                ["seconds"] = Stats.Round(catchupSeconds, 1),
            };
        }

        var cases = new JsonArray();
        for (var c = 0; c < http["cases"]!.AsArray().Count; c++)
        {
            var (h, p) = (http["cases"]![c]!, inProcess["cases"]![c]!);
            var limit = 1.25 * D(p["medianMs"]) + 1;
            cases.Add(new JsonObject
            {
                ["name"] = S(h["name"]), ["url"] = S(h["url"]), ["total"] = h["total"]!.DeepClone(),
                ["httpMedianMs"] = D(h["medianMs"]), ["httpP99Ms"] = D(h["p99Ms"]),
                ["inProcessMedianMs"] = D(p["medianMs"]),
                ["fts5HttpMedianMs"] = fts5 is null ? null : D(fts5["cases"]![c]!["medianMs"]),
                ["fts5Total"] = fts5?["cases"]![c]!["total"]!.DeepClone(),
                ["httpWithinOverhead"] = D(h["medianMs"]) <= limit,
            });
        }

        var facets = cases.First(c => S(c!["name"]) == "facets, common word")!;
        var plain = cases.First(c => S(c!["name"]) == "facets' words without facets")!;
        var load = new JsonObject();
        foreach (var c in Summary.Concurrencies)
        {
            var w = Stats.ReadWrk(Path.Combine(folder, $"wrk-search-c{c}.txt"));
            load[$"c{c}"] = new JsonObject
            {
                ["rps"] = Stats.Round(Stats.Number(w["rps"]), 0), ["p50Ms"] = Stats.Round(Stats.Number(w["p50Us"]) / 1000), ["p99Ms"] = Stats.Round(Stats.Number(w["p99Us"]) / 1000),
                ["non2xx"] = w["non2xx3xx"]!.DeepClone(), ["timeouts"] = w["timeouts"]!.DeepClone(),
            };
        }

        var underLoad = Read("search-load-rss.json");
        var summary = new JsonObject
        {
            ["label"] = label,
            ["articles"] = articles,
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["started"] = run["started"]!.DeepClone(),
            ["command"] = run["command"]!.DeepClone(),
            ["commit"] = run["commit"]!.DeepClone(),
            ["machine"] = Machine.Describe(),
            ["import"] = new JsonObject
            {
                ["run"] = importRun.DeepClone(),
                ["storeWallSeconds"] = Stats.Round(importWall, 1),
                ["storeArticlesPerSecond"] = Stats.Round(articles / importWall, 0),
                ["maxRssMB"] = Stats.Round(importRss, 0),
                ["cpuSeconds"] = Stats.Round(importCpu, 1),
                ["indexCatchUpSeconds"] = Stats.Round(catchupSeconds, 1),
                ["completeArticlesPerSecond"] = Stats.Round(articles / (importWall + catchupSeconds), 0),
                ["indexBytes"] = catchup["indexBytes"]!.DeepClone(),
                ["serviceRssMBDuringCatchUp"] = Stats.Round(D(catchup["peak"]!["hwmKB"]) * 1024 / 1e6, 0),
            },
            ["reindex"] = reindex,
            ["search"] = new JsonObject
            {
                ["rounds"] = compare["result"]!["rounds"]!.DeepClone(),
                ["warmup"] = compare["result"]!["warmup"]!.DeepClone(),
                ["order"] = compare["result"]!["order"]!.DeepClone(),
                ["totalsAgree"] = compare["result"]!["totalsAgree"]!.DeepClone(),
                ["disagreements"] = compare["result"]!["disagreements"]!.DeepClone(),
                ["inProcessHostStartSeconds"] = compare["inProcessStartSeconds"]?.DeepClone(),
                ["luceneHttp"] = http["mix"]!.DeepClone(),
                ["luceneInProcess"] = inProcess["mix"]!.DeepClone(),
                ["fts5Http"] = fts5?["mix"]!.DeepClone(),
                ["fts5Warmup"] = fts5?["warmupRounds"]!.DeepClone(),
                ["fts5Kind"] = fts5 is null ? null : fts5Kind,
                ["cases"] = cases,
            },
            ["facets"] = new JsonObject
            {
                ["url"] = facets["url"]!.DeepClone(), ["total"] = facets["total"]!.DeepClone(),
                ["share"] = Stats.Round(D(facets["total"]) / articles, 3),
                ["httpMedianMs"] = facets["httpMedianMs"]!.DeepClone(), ["httpP99Ms"] = facets["httpP99Ms"]!.DeepClone(),
                ["withoutFacetsHttpMedianMs"] = plain["httpMedianMs"]!.DeepClone(),
                ["inProcessMedianMs"] = facets["inProcessMedianMs"]!.DeepClone(), ["withoutFacetsInProcessMedianMs"] = plain["inProcessMedianMs"]!.DeepClone(),
                ["fts5HttpMedianMs"] = facets["fts5HttpMedianMs"]?.DeepClone(), ["withoutFacetsFts5HttpMedianMs"] = plain["fts5HttpMedianMs"]?.DeepClone(),
            },
            ["load"] = load,
            ["memory"] = new JsonObject
            {
                ["peakUnderSearchLoadMB"] = Stats.Round(D(underLoad["hwmKB"]) * 1024 / 1e6, 0),
                ["afterSearchLoadMB"] = Stats.Round(D(underLoad["rssKB"]) * 1024 / 1e6, 0),
                ["note"] = "VmHWM reset (clear_refs 5) once the index had caught up; the catch-up's own peak is import.serviceRssMBDuringCatchUp",
            },
        };
        summary["targets"] = Check(summary);
        return summary;
    }

    private static JsonArray Check(JsonObject s)
    {
        var search = s["search"]!;
        var (http, inProcess, fts5) = (search["luceneHttp"]!, search["luceneInProcess"]!, search["fts5Http"]);
        var cases = search["cases"]!.AsArray();
        var within = cases.Count(c => (bool)c!["httpWithinOverhead"]!);
        var import = s["import"]!;
        var facets = s["facets"]!;
        var memory = s["memory"]!;
        var kind = S(search["fts5Kind"]);
        string Fts5(string key) => fts5 is null ? "FTS5 not measured" : kind + ": " + Ms(D(fts5[key]));
        JsonObject Target(string target, string measured, string baseline, bool met) =>
            new() { ["target"] = target, ["measured"] = measured, ["baseline"] = baseline, ["met"] = met };
        return
        [
            Target("search mix median ≤ 20 ms (HTTP, one connection)", Ms(D(http["medianMs"])), Fts5("medianMs") + " (same run and corpus)", D(http["medianMs"]) <= 20),
            Target("search mix p99 ≤ 100 ms (HTTP, one connection)", Ms(D(http["p99Ms"])), Fts5("p99Ms"), D(http["p99Ms"]) <= 100),
            Target("HTTP ≤ 1.25 × in-process + 1 ms (mix median)", Inv($"{Ms(D(http["medianMs"]))} vs {Ms(1.25 * D(inProcess["medianMs"]) + 1)}; per search {within} of {cases.Count}"),
                "in process: " + Ms(D(inProcess["medianMs"])), D(http["medianMs"]) <= 1.25 * D(inProcess["medianMs"]) + 1),
            Target(Inv($"facets (4) over {D(facets["total"]):N0} matches ({D(facets["share"]) * 100:0}% of the archive) ≤ 50 ms (HTTP median)"),
                Inv($"{Ms(D(facets["httpMedianMs"]))} (same words without facets {Ms(D(facets["withoutFacetsHttpMedianMs"]))})"),
                facets["fts5HttpMedianMs"] is null ? "FTS5 not measured" : kind + ": " + Ms(D(facets["fts5HttpMedianMs"])), D(facets["httpMedianMs"]) <= 50),
            Target("import, store and index complete ≥ 2,600 articles/s",
                Inv($"{D(import["completeArticlesPerSecond"]):N0}/s ({D(import["storeWallSeconds"]):0.0} s import + {D(import["indexCatchUpSeconds"]):0.0} s until the index caught up; store alone {D(import["storeArticlesPerSecond"]):N0}/s; the import's CPU {D(import["cpuSeconds"]):0} s on 2 cores)"),
                Inv($"{PreviousImportRate:N0}/s (FTS5, 1M, docs/benchmarks.md before issue 10)"), D(import["completeArticlesPerSecond"]) >= 2600),
            Target("reindex ≤ 3 min", Inv($"{(s["reindex"]!["finished"] is null ? "" : "over ")}{D(s["reindex"]!["seconds"]):0.0} s"), S(s["reindex"]!["method"]), s["reindex"]!["finished"] is null && D(s["reindex"]!["seconds"]) <= 180),
            Target("peak RSS of the service under the search load ≤ 400 MB", Inv($"{D(memory["peakUnderSearchLoadMB"]):0} MB"),
                Inv($"{D(import["serviceRssMBDuringCatchUp"]):0} MB while the index caught up"), D(memory["peakUnderSearchLoadMB"]) <= 400),
        ];
    }

    public static string Render(JsonObject s)
    {
        var m = s["machine"]!;
        var text = new StringBuilder();
        text.AppendLine(Inv($"#### Issue 10 at N = {D(s["articles"]):N0} (`search-{S(s["label"])}`), started {S(s["started"])}"));
        text.AppendLine();
        text.AppendLine(Inv($"`{S(s["command"])}` at commit {S(s["commit"])}, on {S(m["cpu"])}, {D(m["cores"])} cores, {D(m["memoryGiB"])} GiB, {S(m["os"])}; {S(m["runtime"])}, SQLite {S(m["sqliteInService"])}. {(S(s["label"]).StartsWith("postgres", StringComparison.Ordinal) ? "PostgreSQL store (the local server)" : "SQLite store")}, Lucene engine, service in Release, Serilog at Warning, rate limits off. The machine's two cores were shared with other engineers' builds and tests."));
        text.AppendLine();
        text.AppendLine("| target (issue 10, at 1M) | measured | baseline | met |");
        text.AppendLine("|---|---|---|---|");
        foreach (var t in s["targets"]!.AsArray())
        {
            text.AppendLine(Inv($"| {S(t!["target"])} | {S(t["measured"])} | {S(t["baseline"])} | {((bool)t["met"]! ? "yes" : "**no**")} |"));
        }

        var search = s["search"]!;
        text.AppendLine();
        text.AppendLine(Inv($"Search: {D(search["rounds"])} timed rounds after {D(search["warmup"])} untimed ({S(search["fts5Warmup"])} for FTS5), {S(search["order"])}; totals of the three agree on every search: {((bool)search["totalsAgree"]! ? "yes" : "**no** " + search["disagreements"]!.ToJsonString())}. In process: the service's composition root and `IArticleSearch` in the bench's process (the host started in {S(search["inProcessHostStartSeconds"])} s)."));
        text.AppendLine();
        text.AppendLine(Inv($"| search | request | matches | Lucene HTTP median | p99 | Lucene in process | HTTP ≤ 1.25 × + 1 ms | {S(search["fts5Kind"] ?? "FTS5")} median |"));
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---:|");
        foreach (var c in search["cases"]!.AsArray())
        {
            text.AppendLine(Inv($"| {S(c!["name"])} | `{S(c["url"]).Replace("|", "\\|", StringComparison.Ordinal)}` | {D(c["total"]):N0} | {Ms(D(c["httpMedianMs"]))} | {Ms(D(c["httpP99Ms"]))} | {Ms(D(c["inProcessMedianMs"]))} | {((bool)c["httpWithinOverhead"]! ? "yes" : "**no**")} | {(c["fts5HttpMedianMs"] is null ? "" : Ms(D(c["fts5HttpMedianMs"])))} |"));
        }

        var (http, inProcess, fts5) = (search["luceneHttp"]!, search["luceneInProcess"]!, search["fts5Http"]);
        text.AppendLine(Inv($"| **the mix (17)** | | | **{Ms(D(http["medianMs"]))}** | **{Ms(D(http["p99Ms"]))}** | {Ms(D(inProcess["medianMs"]))} (p99 {Ms(D(inProcess["p99Ms"]))}) | | {(fts5 is null ? "" : Ms(D(fts5["medianMs"])) + " (p99 " + Ms(D(fts5["p99Ms"])) + ")")} |"));
        text.AppendLine();
        var import = s["import"]!;
        if (S(import["run"]!["started"]) != S(s["started"]))
        {
            text.AppendLine(Inv($"The import figures come from the run started {S(import["run"]!["started"])} at commit {S(import["run"]!["commit"])} (`{S(import["run"]!["command"])}`); this run reused its database and index."));
            text.AppendLine();
        }

        text.AppendLine(Inv($"Import: the CLI stored {D(s["articles"]):N0} articles in {D(import["storeWallSeconds"]):0.0} s ({D(import["storeArticlesPerSecond"]):N0}/s, peak RSS {D(import["maxRssMB"]):0} MB); the service started on the file answered its first search {D(import["indexCatchUpSeconds"]):0.0} s later (index {D(import["indexBytes"]) / 1e6:0} MB; the service's peak RSS while catching up {D(import["serviceRssMBDuringCatchUp"]):0} MB)."));
        text.AppendLine();
        text.AppendLine("| wrk, the mix | req/s | median | p99 | non-2xx |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var c in Summary.Concurrencies)
        {
            var l = s["load"]![$"c{c}"]!;
            text.AppendLine(Inv($"| {c} connection{(c == 1 ? "" : "s")} | {D(l["rps"]):N0} | {Ms(D(l["p50Ms"]))} | {Ms(D(l["p99Ms"]))} | {D(l["non2xx"]):N0} |"));
        }

        text.AppendLine();
        text.AppendLine(Inv($"Peak RSS under that load {D(s["memory"]!["peakUnderSearchLoadMB"]):0} MB ({D(s["memory"]!["afterSearchLoadMB"]):0} MB after it)."));
        return text.ToString();
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms";

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static double D(JsonNode? node) => double.Parse(node!.ToJsonString().Trim('"'), CultureInfo.InvariantCulture);

    private static string S(JsonNode? node) => node?.ToString() ?? "?";
}
