namespace NewsWire.Core.Quotes;

/// <summary>A top-level quotation in a paragraph: from its opening mark to just after its closing mark.</summary>
/// <param name="Open">Index of the opening mark.</param>
/// <param name="End">Index just past the closing mark, or the paragraph's length when the quotation runs on.</param>
/// <param name="Closed">False when the paragraph ends inside the quotation (it continues in the next paragraph).</param>
internal readonly record struct QuoteSpan(int Open, int End, bool Closed)
{
    /// <summary>The words between the marks, trimmed, without the comma that belongs to a following attribution.</summary>
    public string Content(string paragraph)
    {
        var inner = paragraph[(Open + 1)..(Closed ? End - 1 : End)].Trim();
        return inner.EndsWith(',') ? inner[..^1].TrimEnd() : inner;
    }
}

/// <summary>
/// Finds the quotations of one paragraph. Marks nest (‘State’ inside “…”, „…“ inside «…»), so the scanner keeps a
/// stack of open marks; only the outermost quotations are reported, with inner ones as part of their text.
/// </summary>
internal static class QuoteScanner
{
    /// <summary>
    /// How deep quotations nest before a further opener counts as a stray mark. Text nests two or three deep; the
    /// bound keeps each closer's search of the stack short in a paragraph of 300,000 stray marks.
    /// </summary>
    public const int MaxNesting = 8;

    public static List<QuoteSpan> Scan(string paragraph)
    {
        var spans = new List<QuoteSpan>();
        var open = new List<(char Mark, int Index)>();
        var closers = SingleClosers.Of(paragraph);
        for (var i = 0; i < paragraph.Length; i++)
        {
            var level = ClosingLevel(open, paragraph, i);
            if (level >= 0)
            {
                var start = open[level].Index;

                // Closing an outer quotation also ends any inner one left open: that inner "opener" was a stray mark.
                open.RemoveRange(level, open.Count - level);
                if (level == 0)
                {
                    spans.Add(new QuoteSpan(start, i + 1, Closed: true));
                }
            }
            else if (open.Count < MaxNesting && QuoteMarks.Opens(paragraph, i, closers))
            {
                open.Add((paragraph[i], i));
            }
        }

        if (open.Count > 0 && QuoteMarks.MayRunOn(open[0].Mark))
        {
            spans.Add(new QuoteSpan(open[0].Index, paragraph.Length, Closed: false));
        }

        return spans;
    }

    /// <summary>The stack level the character closes, innermost first; -1 when it closes none.</summary>
    private static int ClosingLevel(List<(char Mark, int Index)> open, string text, int index)
    {
        for (var level = open.Count - 1; level >= 0; level--)
        {
            if (QuoteMarks.Closes(open[level].Mark, text, index))
            {
                return level;
            }
        }

        return -1;
    }
}
