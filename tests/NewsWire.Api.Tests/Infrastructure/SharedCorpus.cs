using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// The Reuters-21578 stories in ../shared beside the repository (research use only: read by tests, never
/// shipped). A fresh clone alone does not have them, so tests that need them skip with a message.
/// </summary>
public static class SharedCorpus
{
    public static string? ReutersPath { get; } = Find();

    public const string SkipMessage = "../shared/corpus/reuters-21578/articles.jsonl.gz is absent (a clone without ../shared): skipped.";

    /// <summary>Each story as an ArticleInput line of NDJSON, the way the benchmark converter writes it.</summary>
    public static IEnumerable<string> ReutersAsNdjson()
    {
        using var file = File.OpenRead(ReutersPath!);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            var story = JsonNode.Parse(line)!;
            var dateline = story["dateline"]?.GetValue<string>() ?? "";
            yield return JsonSerializer.Serialize(new
            {
                headline = story["title"]!.GetValue<string>(),
                body = story["body"]!.GetValue<string>(),
                source = "Reuters",
                place = dateline.Contains(',', StringComparison.Ordinal) ? dateline[..dateline.IndexOf(',', StringComparison.Ordinal)].Trim() : null,
                publishedAt = ReutersDate(story["date"]!.GetValue<string>()),
                tags = story["topics"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray(),
                externalId = $"reuters-21578-{story["newid"]}",
            });
        }
    }

    /// <summary>"26-FEB-1987 15:01:01.79" → ISO 8601 UTC. A few times in the collection are garbled
    /// ("605:12:19"); those stories keep their day at midnight.</summary>
    private static string ReutersDate(string date)
    {
        var parts = date.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = DateTime.ParseExact(parts[0], "d-MMM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (parts.Length > 1 && TimeSpan.TryParseExact(parts[1].Split('.')[0], @"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture, out var time))
        {
            day += time;
        }

        return day.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsWire.sln")))
            {
                var path = Path.Combine(directory.FullName, "..", "shared", "corpus", "reuters-21578", "articles.jsonl.gz");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the shared Reuters corpus and skips, saying why, when it is absent.</summary>
public sealed class ReutersCorpusFactAttribute : FactAttribute
{
    public ReutersCorpusFactAttribute()
    {
        if (SharedCorpus.ReutersPath is null)
        {
            Skip = SharedCorpus.SkipMessage;
        }
    }
}
