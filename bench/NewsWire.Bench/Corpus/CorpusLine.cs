using System.Globalization;
using System.Text.Json;

namespace NewsWire.Bench.Corpus;

/// <summary>One line of NewsWire's import format: an ArticleInput (README, "Import many articles").</summary>
public sealed record CorpusLine(
    string Headline, string Body, string Source, string? Place, string PublishedAt, IReadOnlyList<string> Tags, string ExternalId)
{
    /// <summary>The web defaults the service reads ArticleInput with (camelCase names).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>The raw corpus, story by story, in the import format: what `convert` writes.</summary>
public static class ReutersConverter
{
    public static int Convert(string corpus, TextWriter output)
    {
        var count = 0;
        foreach (var story in ReutersStories.Read(corpus))
        {
            // The body goes as the wire wrapped it: NewsWire reads indented first lines as paragraph starts.
            output.WriteLine(new CorpusLine(story.Title, story.Body, "Reuters", story.Place, CorpusLine.Iso(story.PublishedAt()),
                story.Topics, $"reuters-21578-{story.NewId}").ToJson());
            count++;
        }

        return count;
    }
}
