using System.Globalization;
using System.Text;
using NewsWire.Core.Search;

namespace NewsWire.Core.Text;

/// <summary>Whitespace and paragraph rules shared by every way text enters NewsWire.</summary>
public static class PlainText
{

    /// <summary>
    /// One line of text as stored: every Unicode space (no-break, thin, ideographic…) and tab becomes a plain
    /// space, runs collapse to one, ends are trimmed. Typographic quotes and dashes are kept as written.
    /// </summary>
    public static string NormalizeLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c is '\uFEFF' or '\u200B' or Highlights.OpenSentinel or Highlights.CloseSentinel)
            {
                // Byte-order marks and zero-width spaces carry nothing; the two private-use characters are
                // search's highlight sentinels and must never occur in stored text.
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits a body into paragraphs: a blank line ends one, and so does an indented line (older wires such
    /// as Reuters in the 1980s start each paragraph with four spaces). Wrapped lines inside a paragraph
    /// are joined with a space.
    /// </summary>
    public static IReadOnlyList<string> SplitParagraphs(string body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            var paragraph = NormalizeLine(current.ToString());
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph);
            }

            current.Clear();
        }

        foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line) || (current.Length > 0 && StartsIndented(line)))
            {
                Flush();
            }

            current.Append(line).Append(' ');
        }

        Flush();
        return paragraphs;
    }

    /// <summary>True for C0/C1 control characters other than tab, CR and LF, and for U+FFFD left by bad UTF-8.</summary>
    public static bool HasControlCharacters(string text) => IndexOfControlCharacter(text) >= 0;

    /// <summary>
    /// Where the first character that text never contains stands, or -1: C0 and C1 control characters other
    /// than tab, CR and LF (NUL above all), and U+FFFD, which a decoder leaves for bytes that are not UTF-8.
    /// Either means the bytes were not UTF-8 text, and storing them would store garbage.
    /// </summary>
    public static int IndexOfControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || c == '\uFFFD')
            {
                return i;
            }
        }

        return -1;
    }

    public static int CountWords(IEnumerable<string> paragraphs) =>
        paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>True when most letters are Cyrillic: the one language hint NewsWire takes from the text itself.</summary>
    public static bool IsMostlyCyrillic(string text)
    {
        int cyrillic = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
        }

        return letters > 0 && cyrillic * 2 > letters;
    }

    private static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\r' or '\n' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static bool StartsIndented(string line) => line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t');
}
