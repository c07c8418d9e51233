using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Ingest;

/// <summary>
/// <c>NewsWire.Api import [--source S] [--lang L] PATH...</c>: the fast path for loading an archive straight
/// into the database, without HTTP. A path is a file, a folder (read recursively) or <c>-</c> for standard
/// input (NDJSON). The kind of a file comes from its extension, under an optional <c>.gz</c>: <c>.ndjson</c>,
/// <c>.jsonl</c>, <c>.xml</c>/<c>.atom</c>/<c>.rss</c> (feeds) or <c>.txt</c> (one story of raw wire copy).
/// Progress (count, rate, failures) goes to standard error; the summary to standard output. With the Lucene
/// engine the search index is fed as the articles are stored and is up to date when the command ends, unless a
/// running service holds it: that service then catches up by itself (<see cref="ImportIndexing"/>).
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
        Usage: NewsWire.Api import [--source AGENCY] [--lang TAG] [--Key=Value...] PATH...
          PATH  a .ndjson/.jsonl, .xml/.atom/.rss or .txt file (optionally .gz), a folder, or - for NDJSON on stdin
          --source, --lang  defaults for feeds and wire copy, whose text may not say
          --Key=Value       configuration, as for the service (--ConnectionStrings:NewsWire="Data Source=x.db")
        The database is the service's (ConnectionStrings:NewsWire, default newswire.db); it is migrated first.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (paths, source, lang, error) = ParseArguments(args.Where(a => !CommandHost.IsSetting(a)).ToArray());
        if (error is not null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + Usage);
            return 2;
        }

        // No background services: the index is fed below, when this process may have it; webhooks are the service's.
        using var app = CommandHost.Build(args.Where(CommandHost.IsSetting));
        await app.StartAsync(); // runs migrations (and the first-start seed) as the service would
        var indexing = await ImportIndexing.StartAsync(app.Services);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
            var json = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var progress = new ProgressLine();
            var total = new ImportReport();
            foreach (var file in ExpandPaths(paths))
            {
                var report = new ImportReport();
                await using var stream = Open(file);
                await importer.ImportAsync(Items(file, stream, json, clock, source, lang), report, r => progress.Show(total, r), CancellationToken.None);
                foreach (var failure in report.Failed)
                {
                    ProgressLine.Clear();
                    await Console.Error.WriteLineAsync($"{file}:{failure.Line}: {string.Join("; ", failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}");
                }

                total.Created += report.Created;
                total.Duplicates += report.Duplicates;
                total.FailedCount += report.FailedCount;
            }

            ProgressLine.Clear();
            Console.WriteLine(progress.Summary(total));
            Console.WriteLine(await indexing.FinishAsync());
            return total.FailedCount == 0 ? 0 : 1;
        }
        finally
        {
            await indexing.DisposeAsync();
            await app.StopAsync();
        }
    }

    private static IAsyncEnumerable<ImportItem> Items(string file, Stream stream, System.Text.Json.JsonSerializerOptions json,
        TimeProvider clock, string? source, string? lang)
    {
        var name = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".xml" or ".atom" or ".rss" => FeedItems.ReadAsync(stream, source, lang, clock, CancellationToken.None),
            ".txt" => WireCopyItem(stream, source, lang, clock),
            _ => NdjsonItems.ReadAsync(stream, json, clock, CancellationToken.None),
        };
    }

    private static async IAsyncEnumerable<ImportItem> WireCopyItem(Stream stream, string? source, string? lang, TimeProvider clock)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false));
        var parsed = WireCopyParser.Parse(await reader.ReadToEndAsync());
        if (parsed.Article is null)
        {
            yield return new ImportItem(1, null, parsed.Errors.ToDictionary());
            yield break;
        }

        var draft = ArticleDrafts.FromWireCopy(parsed.Article, new WireCopyMetadata { Source = source, Lang = lang }, clock.GetUtcNow().UtcDateTime);
        yield return new ImportItem(1, draft.Draft, draft.Draft is null ? draft.Errors : null);
    }

    private static Stream Open(string file)
    {
        Stream stream = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        return file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(path, 1));

    private static (List<string> Paths, string? Source, string? Lang, string? Error) ParseArguments(string[] args)
    {
        var paths = new List<string>();
        string? source = null, lang = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length:
                    source = args[++i];
                    break;
                case "--lang" when i + 1 < args.Length:
                    lang = args[++i];
                    break;
                case "-h" or "--help":
                    return ([], null, null, "");
                case var path when path == "-" || !path.StartsWith('-'):
                    if (path != "-" && !File.Exists(path) && !Directory.Exists(path))
                    {
                        return ([], null, null, $"No such file or folder: {path}");
                    }

                    paths.Add(path);
                    break;
                default:
                    return ([], null, null, $"Unknown option: {args[i]}");
            }
        }

        return paths.Count == 0 ? ([], null, null, "Name at least one file, folder or -.") : (paths, source, lang, null);
    }

    /// <summary>One line on standard error, rewritten in place: count, rate and failures so far.</summary>
    private sealed class ProgressLine
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Show(ImportReport before, ImportReport current)
        {
            var done = before.Created + before.Duplicates + current.Created + current.Duplicates;
            Console.Error.Write($"\r{done,12:N0} articles {Rate(done),10:N0}/s {before.FailedCount + current.FailedCount,8:N0} failed ");
        }

        public static void Clear() => Console.Error.Write("\r" + new string(' ', 60) + "\r");

        public string Summary(ImportReport total)
        {
            var done = total.Created + total.Duplicates;
            return $"Imported {done:N0} articles in {_clock.Elapsed.TotalSeconds:N1} s ({Rate(done):N0}/s): " +
                $"{total.Created:N0} created, {total.Duplicates:N0} exact duplicates skipped, {total.FailedCount:N0} failed.";
        }

        private double Rate(int done) => done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
    }
}
