using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsWire.Bench.Corpus;

/// <summary>One story of Reuters-21578 as the shared corpus stores it (see its README).</summary>
public sealed partial record ReutersStory(
    int NewId, string Date, string Title, string Dateline, string Body, IReadOnlyList<string> Topics)
{
    /// <summary>The dateline's place ("SALVADOR, Feb 26" → SALVADOR), or null when it names none.</summary>
    public string? Place => Dateline.Contains(',', StringComparison.Ordinal) ? Dateline[..Dateline.IndexOf(',', StringComparison.Ordinal)].Trim() : null;

    /// <summary>
    /// The body as paragraphs of one line each: a paragraph starts with four spaces and is wrapped at ~65
    /// columns. The "REUTER" sign-off that survives on many stories is not a paragraph.
    /// </summary>
    public IReadOnlyList<string> Paragraphs() =>
        Body.Split("\n    ")
            .Select(p => Spaces().Replace(p, " ").Trim())
            .Select(p => p.EndsWith(" REUTER", StringComparison.Ordinal) ? p[..^7].TrimEnd() : p)
            .Where(p => p.Length > 0 && p != "REUTER")
            .ToList();

    /// <summary>"26-FEB-1987 15:01:01.79" as UTC. Some times are garbled ("605:12:19"): those keep the day.</summary>
    public DateTime PublishedAt()
    {
        var parts = Date.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = DateTime.ParseExact(parts[0], "d-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return parts.Length > 1 && TimeSpan.TryParseExact(parts[1].Split('.')[0], @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var time)
            ? day + time
            : day;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public static class ReutersStories
{
    /// <summary>../shared/corpus/reuters-21578/articles.jsonl.gz beside the repository that holds this tool.</summary>
    public static string DefaultPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsWire.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus", "reuters-21578", "articles.jsonl.gz"));
            }
        }

        throw new FileNotFoundException("No NewsWire.sln above the tool; pass --corpus.");
    }

    public static IEnumerable<ReutersStory> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var story = json.RootElement;
            yield return new ReutersStory(
                story.GetProperty("newid").GetInt32(),
                story.GetProperty("date").GetString() ?? "",
                story.GetProperty("title").GetString() ?? "",
                story.GetProperty("dateline").GetString() ?? "",
                story.GetProperty("body").GetString() ?? "",
                story.GetProperty("topics").EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.Length > 0).ToList());
        }
    }
}
