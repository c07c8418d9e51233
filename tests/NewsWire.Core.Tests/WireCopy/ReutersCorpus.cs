using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>One Reuters-21578 story as the shared corpus stores it.</summary>
public sealed record CorpusStory(int NewId, string Date, string Title, string Dateline, string Body)
{
    /// <summary>
    /// The day of "26-FEB-1987 15:01:01.79", UTC. Only the day: a few times are garbled ("31-MAR-1987 605:12:19")
    /// or padded (" 3-MAR-1987  09:15:05.12"), and the parser's date is a day anyway.
    /// </summary>
    public DateTime PublishedAt => DateTime.ParseExact(Date.Trim().Split(' ')[0], "d-MMM-yyyy", CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>
/// The Reuters-21578 stories in ../shared beside the repository (research use only: read by tests, never
/// shipped). A fresh clone alone does not have them, so tests that need them skip with a message.
/// </summary>
public static class ReutersCorpus
{
    public const string SkipMessage =
        "../shared/corpus/reuters-21578/articles.jsonl.gz (beside the folder holding NewsWire.sln) is absent: skipped.";

    public static string? Path { get; } = Find();

    public static IEnumerable<CorpusStory> Stories()
    {
        using var file = File.OpenRead(Path ?? throw new InvalidOperationException(SkipMessage));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var story = json.RootElement;
            yield return new CorpusStory(
                story.GetProperty("newid").GetInt32(),
                story.GetProperty("date").GetString() ?? "",
                story.GetProperty("title").GetString() ?? "",
                story.GetProperty("dateline").GetString() ?? "",
                story.GetProperty("body").GetString() ?? "");
        }
    }

    /// <summary>Walks up from the test's base directory to the folder holding NewsWire.sln, then to ../shared.</summary>
    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NewsWire.sln")))
            {
                var path = System.IO.Path.Combine(directory.FullName, "..", "shared", "corpus", "reuters-21578", "articles.jsonl.gz");
                return File.Exists(path) ? System.IO.Path.GetFullPath(path) : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the shared Reuters corpus: skipped, saying why, when the file is absent.</summary>
public sealed class ReutersCorpusFactAttribute : FactAttribute
{
    public ReutersCorpusFactAttribute()
    {
        if (ReutersCorpus.Path is null)
        {
            Skip = ReutersCorpus.SkipMessage;
        }
    }
}
