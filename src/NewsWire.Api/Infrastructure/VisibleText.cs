using System.Globalization;
using System.Text;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Text a client or a remote server wrote, made safe to log, store and show: control characters, line and
/// paragraph separators and the marks that reorder text on display become escapes (<c>\r</c>, <c>\n</c>,
/// <c>\u001b</c>), so the text can neither start a line of its own nor drive a terminal, and a NUL, which
/// PostgreSQL refuses in text, is never stored.
/// </summary>
public static class VisibleText
{
    public static bool NeedsEscape(string text) => text.Any(MustEscape);

    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when MustEscape(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, ending in … when cut. A surrogate pair is never
    /// halved: PostgreSQL's driver refuses to encode half of one.</summary>
    public static string Bounded(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = maxLength - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
