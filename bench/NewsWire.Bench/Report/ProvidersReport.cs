using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// bench/providers.sh's summary (issue 14): PostgreSQL beside SQLite on one corpus (import, get by id, first
/// page, search mix), one instance against two behind nginx, and the log-head check on a cached read. wrk's
/// figures are each the runs of one side in alternation with the other's; the ratios use their means.
/// </summary>
internal static class ProvidersReport
{
    public static JsonObject Build(string folder, string label)
    {
        JsonNode Read(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name)))!;
        var run = Read("run.json");
        var articles = Read("corpus.json")["articles"]!.GetValue<int>();
        JsonObject Import(string file)
        {
            var (wall, rss) = Stats.ReadTime(Path.Combine(folder, file));
            var cpu = Stats.ReadCpuSeconds(Path.Combine(folder, file));
            return new JsonObject
            {
                ["wallSeconds"] = Stats.Round(wall, 1), ["articlesPerSecond"] = Stats.Round(articles / wall, 0), ["maxRssMB"] = Stats.Round(rss, 0),
                ["cpuSeconds"] = Stats.Round(cpu, 1), ["articlesPerCpuSecond"] = Stats.Round(articles / cpu, 0),
            };
        }

        double CatchUp(string name) => D(Read($"{name}-catchup.json")["serviceStartToFirstSearchSeconds"]);

        var reads = new JsonObject();
        foreach (var what in new[] { "get", "first" })
        {
            reads[what] = Sides(folder, what, ["sqlite", "pg"]);
            reads[what]!["ratio"] = Stats.Round(D(reads[what]!["pg"]!["meanRps"]) / D(reads[what]!["sqlite"]!["meanRps"]));
        }

        var instances = new JsonObject();
        foreach (var what in new[] { "get", "first" })
        {
            var sides = Sides(folder, what, ["direct", "nginx-one", "nginx-two"]);
            sides["twoOverOne"] = Stats.Round(D(sides["nginx-two"]!["meanRps"]) / D(sides["nginx-one"]!["meanRps"]));
            sides["twoOverDirect"] = Stats.Round(D(sides["nginx-two"]!["meanRps"]) / D(sides["direct"]!["meanRps"]));
            instances[what] = sides;
        }

        var head = new JsonObject();
        foreach (var c in new[] { 1, 32 })
        {
            var sides = Sides(folder, $"head-{{0}}-c{c}", ["check", "stale"]);
            var (check, stale) = (D(sides["check"]!["meanRps"]), D(sides["stale"]!["meanRps"]));
            sides["checkCostUsPerRequest"] = Stats.Round(1e6 / check - 1e6 / stale, 1);
            sides["checkOverStale"] = Stats.Round(check / stale);
            head[$"c{c}"] = sides;
        }

        var compare = Read("compare.json")["result"]!;
        var summary = new JsonObject
        {
            ["label"] = label,
            ["articles"] = articles,
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["started"] = run["started"]!.DeepClone(),
            ["command"] = run["command"]!.DeepClone(),
            ["commit"] = run["commit"]!.DeepClone(),
            ["sqliteFrom"] = run["sqliteFrom"]!.DeepClone(),
            ["machine"] = Machine.Describe(),
            ["postgres"] = Read("pg-database.json").DeepClone(),
            ["nginx"] = File.ReadAllText(Path.Combine(folder, "nginx", "version.txt")).Trim(),
            ["import"] = new JsonObject { ["sqlite"] = Import("sqlite-import.time"), ["postgres"] = Import("pg-import.time") },
            ["catchUpSeconds"] = new JsonObject
            {
                ["sqlite"] = Stats.Round(CatchUp("sqlite"), 1), ["postgresA"] = Stats.Round(CatchUp("pg-a"), 1),
                ["postgresB"] = Stats.Round(CatchUp("pg-b"), 1), ["postgresBStale"] = Stats.Round(CatchUp("pg-b-stale"), 1),
            },
            ["reads"] = reads,
            ["search"] = new JsonObject
            {
                ["rounds"] = compare["rounds"]!.DeepClone(), ["totalsAgree"] = compare["totalsAgree"]!.DeepClone(), ["disagreements"] = compare["disagreements"]!.DeepClone(),
                ["sqlite"] = compare["sides"]!["sqlite"]!.DeepClone(), ["postgres"] = compare["sides"]!["postgres"]!.DeepClone(),
            },
            ["instances"] = instances,
            ["logHead"] = head,
        };
        summary["targets"] = Check(summary);
        return summary;
    }

    /// <summary>wrk files wrk-{what}-{side}-r{round}.txt (or a pattern with {0} for the side): each round's figures and their mean.</summary>
    private static JsonObject Sides(string folder, string what, string[] sides)
    {
        var result = new JsonObject();
        foreach (var side in sides)
        {
            var name = what.Contains("{0}", StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, what, side) : $"{what}-{side}";
            var runs = Directory.EnumerateFiles(folder, $"wrk-{name}-r*.txt").Order(StringComparer.Ordinal).Select(Stats.ReadWrk).ToList();
            result[side] = new JsonObject
            {
                ["rps"] = new JsonArray(runs.Select(r => (JsonNode)Stats.Round(Stats.Number(r["rps"]), 0)).ToArray()),
                ["p50Ms"] = new JsonArray(runs.Select(r => (JsonNode)Stats.Round(Stats.Number(r["p50Us"]) / 1000, 3)).ToArray()),
                ["p99Ms"] = new JsonArray(runs.Select(r => (JsonNode)Stats.Round(Stats.Number(r["p99Us"]) / 1000, 3)).ToArray()),
                ["non2xx"] = runs.Sum(r => Stats.Number(r["non2xx3xx"]) + Stats.Number(r["timeouts"]) + Stats.Number(r["connectErrors"]) + Stats.Number(r["readErrors"])),
                ["meanRps"] = Stats.Round(runs.Average(r => Stats.Number(r["rps"])), 0),
            };
        }

        return result;
    }

    private static JsonArray Check(JsonObject s)
    {
        var import = s["import"]!;
        var (get, first) = (s["reads"]!["get"]!, s["reads"]!["first"]!);
        var search = s["search"]!;
        var head = s["logHead"]!;
        JsonObject Target(string target, string measured, string baseline, bool? met) =>
            new() { ["target"] = target, ["measured"] = measured, ["baseline"] = baseline, ["met"] = met };
        string Rps(JsonNode side) => Inv($"{D(side["meanRps"]):N0} req/s ({string.Join(", ", side["rps"]!.AsArray().Select(r => D(r).ToString("N0", CultureInfo.InvariantCulture)))})");
        return
        [
            Target("PostgreSQL bulk import ≥ 2,000 articles/s (CLI, store)", Inv($"{D(import["postgres"]!["articlesPerSecond"]):N0}/s ({D(import["postgres"]!["wallSeconds"]):0.0} s; the CLI's own CPU {D(import["postgres"]!["cpuSeconds"]):0} s, the server's not counted)"),
                Inv($"SQLite {D(import["sqlite"]!["articlesPerSecond"]):N0}/s ({D(import["sqlite"]!["wallSeconds"]):0.0} s; CPU {D(import["sqlite"]!["cpuSeconds"]):0} s)"), D(import["postgres"]!["articlesPerSecond"]) >= 2000),
            Target("PostgreSQL get by id ≥ 80% of SQLite's req/s (wrk, 32 connections)", Inv($"{Rps(get["pg"]!)}: {D(get["ratio"]) * 100:0}%"), "SQLite " + Rps(get["sqlite"]!), D(get["ratio"]) >= 0.8),
            Target("PostgreSQL first listing page ≥ 80% of SQLite's req/s (wrk, 32 connections)", Inv($"{Rps(first["pg"]!)}: {D(first["ratio"]) * 100:0}%"), "SQLite " + Rps(first["sqlite"]!), D(first["ratio"]) >= 0.8),
            Target("search mix on PostgreSQL (HTTP, one connection, median / p99)", Inv($"{ScaleReport.Ms(D(search["postgres"]!["mix"]!["medianMs"]))} / {ScaleReport.Ms(D(search["postgres"]!["mix"]!["p99Ms"]))}"),
                Inv($"SQLite {ScaleReport.Ms(D(search["sqlite"]!["mix"]!["medianMs"]))} / {ScaleReport.Ms(D(search["sqlite"]!["mix"]!["p99Ms"]))}"), null),
            Target("two instances behind nginx against one (get by id, 32 connections)", Inv($"{Rps(s["instances"]!["get"]!["nginx-two"]!)}: {D(s["instances"]!["get"]!["twoOverOne"]):0.00} × one behind nginx"),
                Inv($"one behind nginx {Rps(s["instances"]!["get"]!["nginx-one"]!)}; one direct {Rps(s["instances"]!["get"]!["direct"]!)}"), null),
            Target("the log-head check on a cached get by id (1 connection)", Inv($"{D(head["c1"]!["checkCostUsPerRequest"]):0.0} µs a request ({Rps(head["c1"]!["check"]!)})"),
                Inv($"NewsWire:ReadStalenessMs=1000: {Rps(head["c1"]!["stale"]!)}"), null),
            Target("the log-head check on a cached get by id (32 connections)", Inv($"{D(head["c32"]!["checkOverStale"]) * 100:0}% of the req/s without it ({Rps(head["c32"]!["check"]!)})"),
                Inv($"NewsWire:ReadStalenessMs=1000: {Rps(head["c32"]!["stale"]!)}"), null),
        ];
    }

    public static string Render(JsonObject s)
    {
        var m = s["machine"]!;
        var text = new StringBuilder();
        text.AppendLine(Inv($"#### Issue 14 at N = {D(s["articles"]):N0} (`providers-{S(s["label"])}`), started {S(s["started"])}"));
        text.AppendLine();
        text.AppendLine(Inv($"`{S(s["command"])}` at commit {S(s["commit"])}, on {S(m["cpu"])}, {D(m["cores"])} cores, {D(m["memoryGiB"])} GiB, {S(m["os"])}; {S(m["runtime"])}, SQLite {S(m["sqliteInService"])}, PostgreSQL {S(s["postgres"]!["server"])} on the same machine, {S(s["nginx"])}. Lucene engine on both providers; services in Release, Serilog at Warning, rate limits off. The two cores are shared by wrk, nginx, PostgreSQL, the instances and other engineers' builds and tests: each wrk figure is given per round (the sides alternate) so the scatter shows.") + (string.IsNullOrEmpty(S(s["sqliteFrom"])) ? "" : " The SQLite side (database, index, import figure) is that of the search-scale run in " + Path.GetFileName(S(s["sqliteFrom"])) + "."));
        text.AppendLine();
        text.AppendLine("| measure (issue 14) | measured | baseline | target met |");
        text.AppendLine("|---|---|---|---|");
        foreach (var t in s["targets"]!.AsArray())
        {
            var met = t!["met"] is null ? "(no target)" : (bool)t["met"]! ? "yes" : "**no**";
            text.AppendLine(Inv($"| {S(t["target"])} | {S(t["measured"])} | {S(t["baseline"])} | {met} |"));
        }

        var c = s["catchUpSeconds"]!;
        text.AppendLine();
        text.AppendLine(Inv($"Start to first answered search (the index caught up): SQLite {D(c["sqlite"]):0.0} s, PostgreSQL instance A {D(c["postgresA"]):0.0} s, instance B on a copy of A's index {D(c["postgresB"]):0.0} s, B again with ReadStalenessMs {D(c["postgresBStale"]):0.0} s. PostgreSQL database {D(s["postgres"]!["databaseBytes"]) / 1e9:0.00} GB."));
        text.AppendLine();
        text.AppendLine("| search (one request at a time, interleaved) | matches | SQLite median | PostgreSQL median |");
        text.AppendLine("|---|---:|---:|---:|");
        var (sqlite, postgres) = (s["search"]!["sqlite"]!["cases"]!.AsArray(), s["search"]!["postgres"]!["cases"]!.AsArray());
        for (var i = 0; i < sqlite.Count; i++)
        {
            text.AppendLine(Inv($"| {S(sqlite[i]!["name"])} | {D(sqlite[i]!["total"]):N0}{(D(sqlite[i]!["total"]) == D(postgres[i]!["total"]) ? "" : Inv($" (PostgreSQL {D(postgres[i]!["total"]):N0})"))} | {ScaleReport.Ms(D(sqlite[i]!["medianMs"]))} | {ScaleReport.Ms(D(postgres[i]!["medianMs"]))} |"));
        }

        text.AppendLine();
        text.AppendLine("| wrk, 32 connections (req/s per round) | get by id | first page |");
        text.AppendLine("|---|---|---|");
        string Row(JsonNode side) => Inv($"{D(side["meanRps"]):N0} ({string.Join(", ", side["rps"]!.AsArray().Select(r => D(r).ToString("N0", CultureInfo.InvariantCulture)))}); p99 {string.Join(", ", side["p99Ms"]!.AsArray().Select(r => ScaleReport.Ms(D(r))))}{(D(side["non2xx"]) > 0 ? Inv($"; **{D(side["non2xx"]):N0} errors**") : "")}");
        foreach (var (key, title) in new[] { ("sqlite", "SQLite, one instance"), ("pg", "PostgreSQL, one instance") })
        {
            text.AppendLine(Inv($"| {title} | {Row(s["reads"]!["get"]![key]!)} | {Row(s["reads"]!["first"]![key]!)} |"));
        }

        foreach (var (key, title) in new[] { ("direct", "PostgreSQL, instance A directly"), ("nginx-one", "PostgreSQL, nginx → A"), ("nginx-two", "PostgreSQL, nginx → A and B") })
        {
            text.AppendLine(Inv($"| {title} | {Row(s["instances"]!["get"]![key]!)} | {Row(s["instances"]!["first"]![key]!)} |"));
        }

        text.AppendLine();
        text.AppendLine("| cached get by id on PostgreSQL (req/s per round) | 1 connection | 32 connections |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(Inv($"| log head read on every request (default) | {Row(s["logHead"]!["c1"]!["check"]!)} | {Row(s["logHead"]!["c32"]!["check"]!)} |"));
        text.AppendLine(Inv($"| `NewsWire:ReadStalenessMs=1000` | {Row(s["logHead"]!["c1"]!["stale"]!)} | {Row(s["logHead"]!["c32"]!["stale"]!)} |"));
        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static double D(JsonNode? node) => double.Parse(node!.ToJsonString().Trim('"'), CultureInfo.InvariantCulture);

    private static string S(JsonNode? node) => node?.ToString() ?? "?";
}
