using System.Globalization;
using System.Text;

namespace NewsWire.Core.Search;

/// <summary>
/// Splits text into tokens the way FTS5's unicode61 tokenizer does, so the parser knows what the index
/// will see: a token starts with a letter, a digit or a private-use character (categories L*, N*, Co,
/// unicode61's defaults) and goes on through those and combining marks (M*: unicode61 keeps diacritics
/// inside a token and folds them away). Everything else (spaces, punctuation, symbols, emoji, control
/// characters) separates tokens. So <c>U.S.</c> is u, s and <c>don't</c> is don, t, as in the index.
/// </summary>
/// <remarks>
/// Tokens keep their original case and accents; FTS5 folds them when it reads the query. Where .NET's
/// Unicode tables are newer than SQLite's the two may disagree about a rare character; that cannot break a
/// query, because every token reaches FTS5 inside a quoted string that FTS5 tokenizes again.
/// The Lucene engine's tokenizer (NewsWire.Api, Search/Lucene) cuts stored text with the same two rules,
/// <see cref="StartsToken"/> and <see cref="ContinuesToken"/>, so index and query agree by construction.
/// </remarks>
public static class QueryTokenizer
{
    /// <summary>A token and where it ends in the text, for callers that look at what follows it.</summary>
    public readonly record struct Token(string Text, int End);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var start = -1;
        var index = 0;
        // EnumerateRunes walks code points, so letters outside the BMP count as letters, and turns a lone
        // surrogate into U+FFFD (a symbol, hence a separator), as SQLite's UTF-8 conversion would.
        foreach (var rune in text.EnumerateRunes())
        {
            var inToken = start >= 0 ? ContinuesToken(rune) : StartsToken(rune);
            if (inToken && start < 0)
            {
                start = index;
            }
            else if (!inToken && start >= 0)
            {
                tokens.Add(new Token(text[start..index], index));
                start = -1;
            }

            index += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            tokens.Add(new Token(text[start..], text.Length));
        }

        return tokens;
    }

    public static bool StartsToken(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    public static bool ContinuesToken(Rune rune) => StartsToken(rune) || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
