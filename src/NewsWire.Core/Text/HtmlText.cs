using System.Net;
using System.Text.RegularExpressions;

namespace NewsWire.Core.Text;

/// <summary>
/// Feed entries often carry HTML. NewsWire stores plain text, so block ends (&lt;/p&gt;, &lt;br&gt;, headings,
/// list items) become paragraph breaks, every other tag is dropped, and entities are decoded. Script and
/// style content is dropped with its tags. The result is text, never markup: escaping on output stays simple.
/// The patterns run without backtracking, in time linear in the input: feed HTML is the client's, and an
/// unclosed &lt;script&gt; or a run of '&lt;' would otherwise take quadratic time.
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

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</(p|div|h[1-6]|li|blockquote|tr)\s*>|<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();
}
