using System.Globalization;
using NewsWire.Core.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>One line of wire copy: how far it was indented, and its text normalized (empty for a blank line).</summary>
internal readonly record struct WireLine(int Indent, string Text)
{
    public bool IsBlank => Text.Length == 0;
}

/// <summary>
/// Reads wire copy into lines before anything else looks at it. The indentation is measured before the
/// line is normalized, because in older copy (Reuters in the 1980s) it is the only paragraph mark.
/// </summary>
internal static class WireCopyLines
{
    /// <summary>A tab indents like four spaces: enough to start a paragraph on its own, as a typed tab does.</summary>
    public const int TabWidth = 4;

    /// <summary>
    /// Every line, in order. Line endings may be LF, CRLF or a lone CR. Each line is normalized (Unicode
    /// spaces to one plain space, trimmed, byte-order marks dropped); a line of only spaces is blank.
    /// </summary>
    public static List<WireLine> Read(string text)
    {
        var lines = new List<WireLine>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lines.Add(new WireLine(Indentation(line), PlainText.NormalizeLine(line.ToString())));
        }

        return lines;
    }

    /// <summary>Columns of leading white space: a tab counts <see cref="TabWidth"/>, any other space one, marks none.</summary>
    private static int Indentation(ReadOnlySpan<char> line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c is '\uFEFF' or '\u200B')
            {
                continue;
            }

            if (c == '\t')
            {
                columns += TabWidth;
            }
            else if (c == ' ' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                columns++;
            }
            else
            {
                break;
            }
        }

        return columns;
    }
}
