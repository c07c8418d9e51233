using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsWire.Bench.Corpus;
using NewsWire.Bench.Http;
using NewsWire.Bench.Report;
using NewsWire.Bench.Search;
using NewsWire.Bench.Sql;

namespace NewsWire.Bench;

/// <summary>
/// The steps of bench/run.sh that need C#. Each writes files and exits; run.sh strings them together with the
/// service, the sqlite3 tool and wrk, so every step can also be run alone (see bench/README.md).
/// Not top-level statements: the service's public Program class is referenced, and two would clash.
/// </summary>
public static class BenchMain
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: NewsWire.Bench convert|generate|sql|engine|lucene|matcher|probe|compare|features|targets|startup|report|scale-report|providers-report|summary-diff|ab-report --option value...");
            return 2;
        }

        var options = Options(args[1..]);
        string Get(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var corpus = options.GetValueOrDefault("corpus") ?? ReutersStories.DefaultPath();

        switch (args[0])
        {
            case "convert":
            {
                await using var output = new StreamWriter(Get("out"));
                Console.WriteLine($"Converted {ReutersConverter.Convert(corpus, output):N0} stories.");
                return 0;
            }

            case "generate":
            {
                var generator = new CorpusGenerator(ReutersStories.Read(corpus));
                var (size, seed) = (Int("size", 100_000), Int("seed", 1987));
                await using (var output = new StreamWriter(Get("out")))
                {
                    foreach (var line in generator.Generate(size, seed))
                    {
                        await output.WriteLineAsync(line.ToJson());
                    }
                }

                await WriteJson(options.GetValueOrDefault("info") ?? Get("out") + ".json", new
                {
                    articles = size, seed, stories = generator.Stories, paragraphs = generator.Paragraphs, bytes = new FileInfo(Get("out")).Length,
                });
                Console.WriteLine($"Generated {size:N0} articles from {generator.Stories:N0} stories and {generator.Paragraphs:N0} paragraphs.");
                return 0;
            }

            case "sql":
            {
                await using var output = new StreamWriter(Get("out"));
                var written = InsertScript.Write(Get("ndjson"), Get("db"), Get("scratch"), output);
                Console.WriteLine($"Wrote the INSERTs NewsWire's writer executed for {written:N0} articles.");
                return 0;
            }

            case "engine":
                await WriteJson(Get("out"), await EngineBaseline.RunAsync(Get("db"), Int("rounds", 30)));
                return 0;

            case "lucene":
            {
                var folder = options.GetValueOrDefault("folder") ?? Path.Combine(Path.GetTempPath(), $"newswire-lucene-bench-{Int("size", 100_000)}");
                await WriteJson(Get("out"), LuceneEngineBench.Run(corpus, Int("size", 100_000), Int("rounds", 30), Int("warmup", 10), folder, options.ContainsKey("reuse")));
                Console.WriteLine(await File.ReadAllTextAsync(Get("out")));
                return 0;
            }

            case "matcher":
                await WriteJson(Get("out"), MatcherBench.Run(corpus, Int("searches", 10_000), Int("articles", 500), Int("baseline", 20), Int("warmup", 50)));
                Console.WriteLine(await File.ReadAllTextAsync(Get("out")));
                return 0;

            case "probe":
                await WriteJson(Get("out"), await SearchProbe.RunAsync(new Uri(Get("url")), Int("rounds", 30)));
                return 0;

            case "compare":
                await WriteJson(Get("out"), await CompareAsync(options, Int("rounds", 30), Int("warmup", 10)));
                return 0;

            case "mix-paths":
                await File.WriteAllLinesAsync(Get("out"), QueryMix.Cases.Select(c => c.Url()));
                return 0;

            case "targets":
                await WriteJson(Path.Combine(Get("folder"), "targets.json"), await LoadTargets.WriteAsync(Get("db"), new Uri(Get("url")), Get("folder")));
                return 0;

            case "features":
                await WriteJson(Get("out"), await FeatureProbe.RunAsync(new Uri(Get("url")), Get("db"), Int("samples", 200)));
                return 0;

            case "startup":
                await WriteJson(Get("out"), await StartupTimer.RunAsync(Get("dll"), Get("db"), Int("port", 5091), Int("runs", 3)));
                return 0;

            case "report":
            {
                var summary = Summary.Build(Get("folder"), Get("label"), Get("command"), Get("newswire-db"), Get("sqlite-db"));
                summary["commit"] = options.GetValueOrDefault("commit");
                await WriteJson(Get("summary"), summary);
                Markdown.UpdateDocument(Get("doc"), Get("label"), Markdown.Render(summary));
                foreach (var target in summary["targets"]!.AsArray())
                {
                    Console.WriteLine($"{(target!["met"] is null ? "      " : (bool)target["met"]! ? "met   " : "MISSED")} {target["target"]}: {target["measured"]}");
                }

                return 0;
            }

            case "scale-report":
            {
                var summary = ScaleReport.Build(Get("folder"), Get("label"));
                await WriteJson(Get("summary"), summary);
                Markdown.UpdateDocument(Get("doc"), "search-" + Get("label"), ScaleReport.Render(summary));
                PrintTargets(summary);
                return 0;
            }

            case "providers-report":
            {
                var summary = ProvidersReport.Build(Get("folder"), Get("label"));
                await WriteJson(Get("summary"), summary);
                Markdown.UpdateDocument(Get("doc"), "providers-" + Get("label"), ProvidersReport.Render(summary));
                PrintTargets(summary);
                return 0;
            }

            case "summary-diff":
            {
                static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                var table = SummaryDiff.Render(Load(Get("before")), Load(Get("after")), options.GetValueOrDefault("before-name") ?? "before", options.GetValueOrDefault("after-name") ?? "after");
                Console.Write(table);
                return 0;
            }

            case "ab-report":
                Console.Write(AbReport.Render(Get("folder"), Get("reads").Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                return 0;

            default:
                await Console.Error.WriteLineAsync($"Unknown step: {args[0]}");
                return 2;
        }
    }

    /// <summary>
    /// --http name=URL,name=URL (running services), --light name,name (sides given one warm-up round),
    /// --inprocess name with --settings Key=Value|Key=Value (the service's search in this process),
    /// --fts5 DATABASE (FTS5's statements in this process on a copy of the database with the FTS5 index built).
    /// </summary>
    private static async Task<object> CompareAsync(Dictionary<string, string> options, int rounds, int warmup)
    {
        var light = (options.GetValueOrDefault("light") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var clients = new List<HttpClient>();
        var sides = new List<SearchSide>();
        foreach (var spec in (options.GetValueOrDefault("http") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, url) = (spec[..spec.IndexOf('=', StringComparison.Ordinal)], spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            clients.Add(client);
            sides.Add(SearchComparison.Http(name, client, light.Contains(name) ? 1 : warmup));
        }

        InProcessSearch? inProcess = null;
        Microsoft.Data.Sqlite.SqliteConnection? fts5 = null;
        try
        {
            // FTS5 as NewsWire searched with it before Lucene (the bench's baseline, built on a copy of the database).
            if (options.TryGetValue("fts5", out var fts5Database))
            {
                var (copy, build) = Fts5Baseline.Prepare(fts5Database);
                Console.WriteLine($"fts5-in-process: index built on a copy of the database in {build.TotalSeconds:0.0} s");
                fts5 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
                fts5.Open();
                var statements = new Dictionary<string, IReadOnlyList<CapturedStatement>>(StringComparer.Ordinal);
                var connection = fts5;
                sides.Add(new SearchSide("fts5-in-process", search =>
                {
                    if (!statements.TryGetValue(search.Url(), out var captured))
                    {
                        statements[search.Url()] = captured = Fts5Baseline.Statements(search);
                    }

                    return Task.FromResult(EngineBaseline.Execute(connection, captured));
                }, light.Contains("fts5-in-process") ? 1 : warmup));
            }

            if (options.TryGetValue("inprocess", out var inProcessName))
            {
                var settings = options["settings"].Split('|').ToDictionary(s => s[..s.IndexOf('=', StringComparison.Ordinal)], s => s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                inProcess = await InProcessSearch.StartAsync(settings);
                Console.WriteLine($"{inProcessName}: host started in {inProcess.StartTime.TotalSeconds:0.0} s");
                sides.Add(new SearchSide(inProcessName, inProcess.SearchAsync, light.Contains(inProcessName) ? 1 : warmup));
            }

            var result = await SearchComparison.RunAsync(sides, rounds, warmup);
            return new { result, inProcessStartSeconds = inProcess is null ? (double?)null : Stats.Round(inProcess.StartTime.TotalSeconds, 1) };
        }
        finally
        {
            if (inProcess is not null)
            {
                await inProcess.DisposeAsync();
            }

            fts5?.Dispose();

            clients.ForEach(c => c.Dispose());
        }
    }

    private static void PrintTargets(JsonObject summary)
    {
        foreach (var target in summary["targets"]!.AsArray())
        {
            Console.WriteLine($"{(target!["met"] is null ? "      " : (bool)target["met"]! ? "met   " : "MISSED")} {target["target"]}: {target["measured"]} (baseline {target["baseline"]})");
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private static async Task WriteJson<T>(string file, T value) =>
        await File.WriteAllTextAsync(file, value is JsonNode node ? node.ToJsonString(Indented) : JsonSerializer.Serialize(value, Indented));
}
