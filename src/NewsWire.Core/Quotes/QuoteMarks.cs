namespace NewsWire.Core.Quotes;

/// <summary>
/// Which characters open and close a quotation. Double marks ("…", “…”, «…», „…“) are unambiguous; single
/// marks are not, because ’ is also the apostrophe (Russia’s, countries’) and ' is both. So a single mark
/// opens only where a word starts and only when a closer could follow, and closes only where a word ends.
/// </summary>
internal static class QuoteMarks
{
    /// <summary>
    /// Whether the character at <paramref name="index"/> opens a quotation (when it closes none). A single opener
    /// needs a possible closer later in the paragraph (<paramref name="closers"/>); without one it is an elided
    /// apostrophe (‘90s, 'em) and must not swallow the rest of the paragraph.
    /// </summary>
    public static bool Opens(string text, int index, SingleClosers closers) => text[index] switch
    {
        '"' or '“' or '«' or '„' => true,
        '‘' or '\'' => StartsWord(text, index) && closers.LastFor(text[index]) >= index + 2,
        _ => false,
    };

    /// <summary>Whether the character at <paramref name="index"/> closes a quotation opened by <paramref name="opener"/>.</summary>
    public static bool Closes(char opener, string text, int index) => (opener, text[index]) switch
    {
        ('"', '"') or ('“', '”') or ('«', '»') or ('„', '“') or ('„', '”') => true,
        ('‘', '’') or ('\'', '\'') => EndsWord(text, index),
        _ => false,
    };

    /// <summary>
    /// Marks that may stay open at the end of a paragraph: the wire convention for a quotation running over several
    /// paragraphs leaves the double mark unclosed. An unclosed single mark was an apostrophe after all.
    /// </summary>
    public static bool MayRunOn(char opener) => opener is '"' or '“' or '«' or '„';

    /// <summary>True for a character that can close any quotation; used to see past closers when a quote ends.</summary>
    public static bool IsMark(char c) => c is '"' or '“' or '”' or '«' or '»' or '„' or '‘' or '’' or '\'';

    /// <summary>A single opener stands before a word: at the start or after a space, bracket, dash or another mark.</summary>
    private static bool StartsWord(string text, int index)
    {
        if (index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]))
        {
            return false;
        }

        if (index == 0)
        {
            return true;
        }

        var before = text[index - 1];
        return char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' || IsMark(before);
    }

    /// <summary>A single closer ends a word: after a non-space, and not followed by a letter (Russia’s is an apostrophe).</summary>
    public static bool EndsWord(string text, int index) =>
        index > 0 && !char.IsWhiteSpace(text[index - 1]) &&
        (index + 1 >= text.Length || !char.IsLetterOrDigit(text[index + 1]));
}

/// <summary>
/// Where the last possible closer of each single mark (’ and ') stands in a paragraph, or -1: found in one pass, so
/// that asking at every opener whether a closer follows does not read the rest of the paragraph each time.
/// </summary>
internal readonly record struct SingleClosers(int LastCurly, int LastStraight)
{
    public static SingleClosers Of(string text) => new(Last(text, '’'), Last(text, '\''));

    public int LastFor(char opener) => opener == '‘' ? LastCurly : LastStraight;

    private static int Last(string text, char closer)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == closer && QuoteMarks.EndsWord(text, i))
            {
                return i;
            }
        }

        return -1;
    }
}
