using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsWire.Bench.Report;

/// <summary>
/// The summary as the tables of docs/benchmarks.md. Each run label (quick, 100k, 1m…) owns the text between
/// its two markers, so a new run replaces its own tables and leaves the analysis written around them alone.
/// </summary>
internal static class Markdown
{
    public static string Render(JsonObject s)
    {
        var m = s["machine"]!;
        var text = new StringBuilder();
        text.AppendLine(Inv($"#### N = {D(s["articles"]):N0} articles (`{S(s["label"])}`), {S(s["date"])}"));
        text.AppendLine();
        text.AppendLine(Inv($"`{S(s["command"])}` at commit {S(s["commit"])}, on {S(m["cpu"])}, {D(m["cores"])} cores, {D(m["memoryGiB"])} GiB, {S(m["os"])}; {S(m["runtime"])}, SQLite {S(m["sqliteInService"])} in the service and {S(m["sqlite3Tool"])} in the sqlite3 tool, wrk {S(m["wrk"])}. Service in Release, Serilog at Warning."));
        text.AppendLine();

        var import = s["import"]!;
        text.AppendLine("| import | NewsWire CLI | sqlite3 tool | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(Inv($"| articles/s (wall clock, start to exit) | {D(import["newswire"]!["articlesPerSecond"]):N0} | {D(import["sqlite3"]!["articlesPerSecond"]):N0} | {D(import["ratio"]):0.00} |"));
        text.AppendLine(Inv($"| wall clock | {D(import["newswire"]!["wallSeconds"]):0.0} s | {D(import["sqlite3"]!["wallSeconds"]):0.0} s | |"));
        text.AppendLine(Inv($"| peak RSS | {D(import["newswire"]!["maxRssMB"]):0} MB | {D(import["sqlite3"]!["maxRssMB"]):0} MB | |"));
        text.AppendLine(Inv($"| same rows in both databases | {((bool)import["sameRows"]! ? "yes" : "**no**")} | | |"));
        text.AppendLine();

        var search = s["search"]!;
        var (seq, engine) = (search["sequential"]!, search["engine"]!);
        text.AppendLine("| search mix over HTTP | req/s | median | p99 | mean | engine alone: median | p99 | mean | ratio of medians |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Inv($"| one request at a time (HttpClient) | | {D(seq["medianMs"]):0.00} ms | {D(seq["p99Ms"]):0.00} ms | {D(seq["meanMs"]):0.00} ms | {D(engine["medianMs"]):0.00} ms | {D(engine["p99Ms"]):0.00} ms | {D(engine["meanMs"]):0.00} ms | {D(search["ratioMedian"]):0.00} |"));
        foreach (var c in Summary.Concurrencies)
        {
            var h = search["http"]![$"c{c}"]!;
            text.AppendLine(Inv($"| wrk, {c} connection{(c == 1 ? "" : "s")} | {D(h["rps"]):N0} | {D(h["p50Ms"]):0.00} ms | {D(h["p99Ms"]):0.00} ms | | | | | |"));
        }

        text.AppendLine();
        text.AppendLine("| read (wrk) | connections | NewsWire req/s | median | p99 | bare endpoint req/s | median | p99 | req/s ratio |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, title) in new[] { ("get", "get by id"), ("get-uncached", "get by id, cache off"), ("first", "list, first page"), ("first-uncached", "list, first page, cache off"), ("second", "list, second page (cursor)"), ("deep", "list, deep page (cursor)"), ("deep-uncached", "list, deep page, cache off"), ("feed", "Atom feed, newest") })
        {
            if (s["reads"]![name] is null)
            {
                continue;
            }

            foreach (var c in Summary.Concurrencies)
            {
                var r = s["reads"]![name]![$"c{c}"]!;
                var (nw, b) = (r["newswire"]!, r["bare"]!);
                text.AppendLine(Inv($"| {title} | {c} | {D(nw["rps"]):N0} | {D(nw["p50Ms"]):0.00} ms | {D(nw["p99Ms"]):0.00} ms | {D(b["rps"]):N0} | {D(b["p50Ms"]):0.00} ms | {D(b["p99Ms"]):0.00} ms | {D(r["rpsRatio"]):0.00} |"));
            }
        }

        var service = s["service"]!;
        text.AppendLine();
        text.AppendLine(Inv($"Service: start-up to the first answered request {D(service["startupMedianMs"]):N0} ms (median of {service["startupRunsMs"]!.AsArray().Count}); peak RSS under the load above {D(service["peakRssMB"]):0} MB ({D(service["rssAfterLoadMB"]):0} MB after it)."));
        text.AppendLine();
        text.AppendLine("| target (issue: at 1M articles) | measured here | met |");
        text.AppendLine("|---|---|---|");
        foreach (var t in s["targets"]!.AsArray())
        {
            text.AppendLine(Inv($"| {S(t!["target"])} | {S(t["measured"])} | {((bool)t["met"]! ? "yes" : "**no**")} |"));
        }

        text.AppendLine();
        text.AppendLine("<details><summary>Search, case by case (one request at a time; engine and HTTP totals agree on every case: "
            + (search["perCase"]!.AsArray().All(c => (bool)c!["totalsAgree"]!) ? "yes" : "**no**") + ")</summary>");
        text.AppendLine();
        text.AppendLine("| case | request | matches | engine median | HTTP median | ratio |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var c in search["perCase"]!.AsArray())
        {
            text.AppendLine(Inv($"| {S(c!["name"])} | `{S(c["url"]).Replace("|", "\\|", StringComparison.Ordinal)}` | {D(c["total"]):N0} | {D(c["engineMedianMs"]):0.00} ms | {D(c["httpMedianMs"]):0.00} ms | {D(c["ratio"]):0.00} |"));
        }

        text.AppendLine();
        text.AppendLine("</details>");
        return text.ToString();
    }

    /// <summary>Replaces the label's section of the document, or appends one before the end marker of all results.</summary>
    public static void UpdateDocument(string document, string label, string section)
    {
        var (begin, end) = ($"<!-- bench:{label}:begin -->", $"<!-- bench:{label}:end -->");
        var text = File.Exists(document) ? File.ReadAllText(document) : "# Benchmarks\n\n<!-- bench:results -->\n";
        var block = begin + "\n" + section + end;
        var at = text.IndexOf(begin, StringComparison.Ordinal);
        if (at >= 0)
        {
            var stop = text.IndexOf(end, at, StringComparison.Ordinal) + end.Length;
            text = text[..at] + block + text[stop..];
        }
        else
        {
            const string anchor = "<!-- bench:results -->";
            var insert = text.IndexOf(anchor, StringComparison.Ordinal);
            text = insert < 0 ? text + "\n" + block + "\n" : text[..(insert + anchor.Length)] + "\n\n" + block + text[(insert + anchor.Length)..];
        }

        File.WriteAllText(document, text);
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static double D(JsonNode? node) => double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);

    private static string S(JsonNode? node) => node?.ToString() ?? "?";
}
