using System.Net;
using System.Text.RegularExpressions;

namespace NewsWire.Core.Text;

/// <summary>
/// Feed entries often carry HTML. NewsWire stores plain text, so block ends (&lt;/p&gt;, &lt;br&gt;, headings,
/// list items) become paragraph breaks, every other tag is dropped, and entities are decoded. Script and
/// style content is dropped with its tags. The result is text, never markup: escaping on output stays simple.
/// </summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = BlockEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|blockquote|tr)\s*>|<br\s*/?>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
