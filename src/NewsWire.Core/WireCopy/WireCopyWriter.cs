using NewsWire.Core.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Writes an article back as wire copy: the plain-text form NewsWire serves for <c>Accept: text/plain</c>.
/// It is the inverse of <see cref="WireCopyParser"/>: parsing the rendered text gives back the parsed article.
/// </summary>
public static class WireCopyWriter
{
    /// <summary>
    /// Breadcrumb, headline, lead, byline, then the body with the dateline and a space in front of its first
    /// paragraph, sub-headings on their own, and the credits last, one per line. One blank line between blocks,
    /// LF line endings, a final newline. Missing or blank parts (no breadcrumb, no lead, no dateline, empty
    /// paragraphs) are left out.
    /// </summary>
    /// <remarks>
    /// Each part is written as one normalized line, so a stray newline inside a stored paragraph cannot split
    /// it into two blocks and break the round trip. No sign-off is written: the agency a 1987 "Reuter" named is
    /// the article's source, stored apart from the text.
    /// </remarks>
    public static string Render(string? section, string headline, string? lead, string? dateline,
        IReadOnlyList<ArticleSection> sections, string? byline = null, string? credits = null)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var blocks = new List<string>();
        Add(section);
        Add(headline);
        Add(lead);
        Add(byline);

        var pendingDateline = Line(dateline);
        foreach (var part in sections)
        {
            Add(part.Heading);
            foreach (var paragraph in part.Paragraphs)
            {
                var text = Line(paragraph);
                if (text.Length == 0)
                {
                    continue;
                }

                if (pendingDateline.Length > 0)
                {
                    text = pendingDateline + " " + text;
                    pendingDateline = "";
                }

                blocks.Add(text);
            }
        }

        // A dateline with no paragraph to open still says where and when; keep it rather than lose it.
        Add(pendingDateline);

        // Credit lines stay lines (AFP's tag line under a Reuters-style note), so they parse back as credits.
        var creditLines = (credits ?? "").Split('\n').Select(Line).Where(l => l.Length > 0).ToList();
        if (creditLines.Count > 0)
        {
            blocks.Add(string.Join('\n', creditLines));
        }

        return string.Join("\n\n", blocks) + "\n";

        void Add(string? value)
        {
            var line = Line(value);
            if (line.Length > 0)
            {
                blocks.Add(line);
            }
        }
    }

    private static string Line(string? value) => value is null ? "" : PlainText.NormalizeLine(value);
}
