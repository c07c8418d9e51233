using System.Text.Json;
using NewsWire.Core.WireCopy;

namespace NewsWire.Storage;

/// <summary>Sections are stored as the body's paragraphs plus a layout of where the sub-headings stand.</summary>
public static class SectionLayouts
{
    private sealed record Entry(string? Heading, int Paragraphs);

    public static string Serialize(IReadOnlyList<ArticleSection> sections) =>
        JsonSerializer.Serialize(sections.Select(s => new Entry(s.Heading, s.Paragraphs.Count)), JsonSerializerOptions.Web);

    public static IReadOnlyList<ArticleSection> Rebuild(string body, string layout)
    {
        var paragraphs = body.Length == 0 ? [] : body.Split("\n\n");
        var entries = JsonSerializer.Deserialize<Entry[]>(layout, JsonSerializerOptions.Web) ?? [];
        var sections = new List<ArticleSection>(entries.Length);
        var start = 0;
        foreach (var entry in entries)
        {
            var count = Math.Clamp(entry.Paragraphs, 0, paragraphs.Length - start);
            sections.Add(new ArticleSection(entry.Heading, paragraphs[start..(start + count)]));
            start += count;
        }

        return sections;
    }

    /// <summary>The sub-headings a layout places, in order, without rebuilding the sections (what search indexes of them).</summary>
    public static IEnumerable<string> Headings(string layout) =>
        (JsonSerializer.Deserialize<Entry[]>(layout, JsonSerializerOptions.Web) ?? []).Select(e => e.Heading).OfType<string>().Where(h => h.Length > 0);
}
