using System.Text;

namespace NewsWire.Core.Search;

/// <summary>
/// Turns FTS5 <c>highlight()</c> / <c>snippet()</c> output into safe HTML. FTS5 is asked to wrap matches
/// in two private-use sentinel characters rather than in tags, because its output is not escaped: tags
/// inserted by FTS5 could not be told apart from markup in the article text. Here the text is escaped
/// first and only the sentinels become <c>&lt;mark&gt;</c>. Stored text must never contain the sentinels
/// (the API strips them on the way in), or a stray one would become a mark.
/// </summary>
public static class Highlights
{
    /// <summary>U+E000, private use: passed to FTS5 as the text before a match.</summary>
    public const char OpenSentinel = '\uE000';

    /// <summary>U+E001, private use: passed to FTS5 as the text after a match.</summary>
    public const char CloseSentinel = '\uE001';

    public const string OpenMark = "<mark>";
    public const string CloseMark = "</mark>";

    /// <summary>
    /// HTML-escapes the text (&amp;, &lt;, &gt;, &quot;, ') and turns sentinels into marks that are always
    /// balanced: an open inside a mark and a close outside one are dropped, and a mark left open (a snippet
    /// cut inside a match) is closed at the end.
    /// </summary>
    public static string ToHtml(string textWithSentinels, char open, char close)
    {
        ArgumentNullException.ThrowIfNull(textWithSentinels);
        var html = new StringBuilder(textWithSentinels.Length + 32);
        var inMark = false;
        foreach (var c in textWithSentinels)
        {
            if (c == open && !inMark)
            {
                html.Append(OpenMark);
                inMark = true;
            }
            else if (c == close && inMark)
            {
                html.Append(CloseMark);
                inMark = false;
            }
            else if (c == open || c == close)
            {
                // Unbalanced: a second open, or a close whose open was cut off. Neither may leave a tag.
            }
            else
            {
                AppendEscaped(html, c);
            }
        }

        if (inMark)
        {
            html.Append(CloseMark);
        }

        return html.ToString();
    }

    private static void AppendEscaped(StringBuilder html, char c) => _ = c switch
    {
        '&' => html.Append("&amp;"),
        '<' => html.Append("&lt;"),
        '>' => html.Append("&gt;"),
        '"' => html.Append("&quot;"),
        '\'' => html.Append("&#39;"),
        _ => html.Append(c),
    };
}
