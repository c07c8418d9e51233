using System.Collections.Frozen;
using System.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Title case for headlines the wire shouts: "OPEC OUTPUT TO RISE, U.S. OFFICIALS SAY" becomes
/// "OPEC Output to Rise, U.S. Officials Say". Wires of the 1980s sent every headline in capitals; the archive
/// shows them beside mixed-case ones, and capitals read as shouting.
/// </summary>
/// <remarks>
/// Rules, in order, for each word (a word is split at hyphens and slashes into parts, each cased alone):
/// <list type="bullet">
/// <item>Only a headline with no lower-case letter, all of whose letters are Latin, is touched. Mixed case was
/// meant; Cyrillic and other scripts do not title-case (Russian capitalizes the first word only).</item>
/// <item>Kept as written: <see cref="Acronyms"/> (also before "'S": "OPEC's"), whatever is in angle brackets
/// (tickers, "&lt;SRD&gt;"), parts with digits ("G7", "10-K") except ordinals ("1ST" → "1st"), parts with "&amp;" ("AT&amp;T").</item>
/// <item>Small words stay lower case: articles (a, an, the), the conjunctions and, but, or, nor, and the short
/// prepositions as, at, by, for, in, of, on, per, to, via, vs, v, as AP and Reuters style have it; "from",
/// "with", "into" are capitalized. "Up", "off", "out" are not small words: in headlines they are mostly
/// adverbs ("Prices Up"). A small word is capitalized as the first or last word, after a colon, a dash or
/// ?/!, and as the first or last part of a compound ("In-Flight", "Year-on-Year").</item>
/// <item>Every other part: first letter capital, the rest lower case, a letter after a dot capital ("U.S.",
/// "St."), "MC" names as "McDonald", and "O'", "D'", "L'" names as "O'Neill".</item>
/// </list>
/// </remarks>
internal static class TitleCase
{
    private static readonly FrozenSet<string> SmallWords = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "the", "and", "but", "or", "nor", "as", "at", "by", "for", "in", "of", "on", "per", "to", "via",
        "vs", "vs.", "v", "v.");

    /// <summary>Characters taken off a word's end before casing it: punctuation, closing quotes and brackets (not dots).</summary>
    private const string TrailingPunctuation = ",;:!?\"'’”»)]}>";

    /// <summary>The headline in title case when it is all capitals (see the remarks); otherwise as written.</summary>
    public static string Headline(string headline)
    {
        if (!IsShouted(headline))
        {
            return headline;
        }

        var words = headline.Split(' ');
        var startsPhrase = true;
        var inTicker = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            words[i] = OutsideTickers(word, startsPhrase, i == words.Length - 1, ref inTicker);
            startsPhrase = word.Length > 0 && (word[^1] is ':' or '?' or '!' or '|' || word is "-" or "--" or "–" or "—");
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Cases the word except what stands in angle brackets: tickers ("&lt;SRD&gt;", "MANAGEMENT&lt;WMX&gt;") and the
    /// unlisted company names 1987 Reuters bracketed ("&lt;PLUM HOLDING INC&gt;"), which may span words; they are
    /// written as the exchange lists them.
    /// </summary>
    private static string OutsideTickers(string word, bool first, bool last, ref bool inTicker)
    {
        var result = new StringBuilder(word.Length);
        var from = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (!inTicker && word[i] == '<')
            {
                result.Append(Word(word[from..i], first, false));
                (from, inTicker) = (i, true);
            }
            else if (inTicker && word[i] == '>')
            {
                result.Append(word, from, i + 1 - from);
                (from, inTicker) = (i + 1, false);
                first = false;
            }
        }

        return result.Append(inTicker ? word[from..] : Word(word[from..], first && from == 0, last)).ToString();
    }

    /// <summary>Has a letter, no lower-case letter, and only Latin letters (Basic Latin to Latin Extended-B).</summary>
    public static bool IsShouted(string text) =>
        text.Any(char.IsLetter) && !text.Any(char.IsLower) && text.Where(char.IsLetter).All(c => c <= '\u024F');

    /// <summary>
    /// One lower-case word or part with its first letter, and any letter after a dot, in capitals; "mcdonald"
    /// as "McDonald", "o'neill" as "O'Neill". Shared with <see cref="PlaceNames"/>.
    /// </summary>
    public static string Capitalize(string lower)
    {
        var chars = lower.ToCharArray();
        var atStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (atStart && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
                atStart = false;
            }
            else if (chars[i] == '.')
            {
                atStart = true;
            }
        }

        // "Mc" names: the third letter is a capital when at least three letters follow ("McCain", not "Mcs").
        if (chars.Length >= 5 && chars[0] == 'M' && chars[1] == 'c' && char.IsLetter(chars[2]))
        {
            chars[2] = char.ToUpperInvariant(chars[2]);
        }

        // Irish, French and Italian elisions: O'Neill, D'Estaing, L'Oreal; "I'll" and "It's" are left alone.
        if (chars.Length >= 5 && chars[0] is 'O' or 'D' or 'L' && chars[1] is '\'' or '’' && char.IsLetter(chars[2]))
        {
            chars[2] = char.ToUpperInvariant(chars[2]);
        }

        return new string(chars);
    }

    private static string Word(string word, bool first, bool last)
    {
        var start = 0;
        while (start < word.Length && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        var end = word.Length;
        while (end > start && TrailingPunctuation.Contains(word[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        if (start >= end)
        {
            return word;
        }

        var result = new StringBuilder(word.Length).Append(word, 0, start);
        var parts = Parts(word[start..end]);
        for (var j = 0; j < parts.Count; j++)
        {
            var part = parts[j];
            var isEdge = (first && j == 0) || (last && j == parts.Count - 1);
            var small = parts.Count == 1 ? !isEdge : j > 0 && j < parts.Count - 1;
            result.Append(part is "-" or "/" ? part : Part(part, small));
        }

        return result.Append(word, end, word.Length - end).ToString();
    }

    /// <summary>A word cut at hyphens and slashes, separators kept: "U.S.-JAPAN" is "U.S.", "-", "JAPAN".</summary>
    private static List<string> Parts(string word)
    {
        var parts = new List<string>();
        var from = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] is '-' or '/')
            {
                parts.Add(word[from..i]);
                parts.Add(word[i].ToString());
                from = i + 1;
            }
        }

        parts.Add(word[from..]);
        return parts;
    }

    private static string Part(string part, bool mayBeSmall)
    {
        if (!part.Any(char.IsLetter) || part.Contains('&', StringComparison.Ordinal) || Acronyms.Contains(part))
        {
            return part;
        }

        if (part.EndsWith("'S", StringComparison.Ordinal) || part.EndsWith("’S", StringComparison.Ordinal))
        {
            var stem = part[..^2];
            if (Acronyms.Contains(stem))
            {
                return stem + part[^2] + "s";
            }
        }

        if (part.Any(char.IsDigit))
        {
            return IsOrdinal(part) ? part.ToLowerInvariant() : part;
        }

        var lower = part.ToLowerInvariant();
        return mayBeSmall && SmallWords.Contains(lower) ? lower : Capitalize(lower);
    }

    /// <summary>"1ST", "22ND", "3RD", "4TH": digits then an English ordinal suffix.</summary>
    private static bool IsOrdinal(string part)
    {
        var digits = 0;
        while (digits < part.Length && char.IsAsciiDigit(part[digits]))
        {
            digits++;
        }

        return digits > 0 && part[digits..] is "ST" or "ND" or "RD" or "TH";
    }
}
