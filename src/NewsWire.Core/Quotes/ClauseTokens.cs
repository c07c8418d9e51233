namespace NewsWire.Core.Quotes;

internal enum TokenKind
{
    Word,
    Punct,
    Quote,
}

/// <summary>A word, a punctuation mark, or a whole quotation standing in the sentence as one token.</summary>
/// <param name="Kind">Word, punctuation mark, or quotation.</param>
/// <param name="Text">As written; for a quotation, its words (<see cref="QuoteSpan.Content"/>).</param>
/// <param name="Span">For <see cref="TokenKind.Quote"/>, the index of the quotation in the paragraph's spans; else -1.</param>
/// <param name="EndsSentence">For a quotation, whether its own words end the sentence (…there." "What…).</param>
internal readonly record struct ClauseToken(TokenKind Kind, string Text, int Span = -1, bool EndsSentence = false)
{
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>A full stop, question or exclamation mark outside quotations, or a quotation that ends with one.</summary>
    public bool IsTerminator => Kind switch
    {
        TokenKind.Punct => Text is "." or "!" or "?" or "…",
        TokenKind.Quote => EndsSentence,
        _ => false,
    };
}

/// <summary>
/// Cuts the text around a paragraph's quotations into tokens, so attributions ("Smirnov added", "said the
/// minister", "– сказал он") are read from what stands outside the quotes only: "According to our information"
/// inside a quotation is speech, not an attribution.
/// </summary>
internal static class ClauseTokens
{
    /// <summary>Words whose full stop does not end a sentence (Mr. Smirnov, Gen. Ivanov, St. Petersburg).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Prof", "Sen", "Rep", "Gov", "Jr",
        "Sr",
        "Rev", "Mt", "Adm", "Cmdr", "г", "гг", "т", "им",
    };

    public static List<ClauseToken> Tokenize(string paragraph, IReadOnlyList<QuoteSpan> spans)
    {
        var tokens = new List<ClauseToken>();
        var next = 0;
        var i = 0;
        while (i < paragraph.Length)
        {
            if (next < spans.Count && i == spans[next].Open)
            {
                var content = spans[next].Content(paragraph);
                tokens.Add(new ClauseToken(TokenKind.Quote, content, next, EndsSentence(content)));
                i = spans[next].End;
                next++;
            }
            else if (char.IsWhiteSpace(paragraph[i]))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(paragraph[i]))
            {
                var end = WordEnd(paragraph, i);
                tokens.Add(new ClauseToken(TokenKind.Word, paragraph[i..end]));
                i = end;
            }
            else
            {
                tokens.Add(new ClauseToken(TokenKind.Punct, paragraph[i].ToString()));
                i++;
            }
        }

        return tokens;
    }

    /// <summary>Whether quoted words end their sentence: a final . ! ? or …, looking past closing brackets and marks.</summary>
    public static bool EndsSentence(string content)
    {
        var trimmed = content.TrimEnd(')', ']', '"', '”', '’', '»', '“', '\'', ' ');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>
    /// A word runs over letters and digits and over an apostrophe, hyphen, full stop or (between digits) comma
    /// followed by more of them: Russia’s, al-Assad, U.S, 3,000. An abbreviation keeps its full stop; a
    /// plural possessive (countries’, US’) keeps its apostrophe.
    /// </summary>
    private static int WordEnd(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length)
        {
            var c = text[end];
            var joins = c is '’' or '\'' or '-' or '‐' or '‑' or '.' || (c == ',' && char.IsDigit(text[end - 1]));
            if (char.IsLetterOrDigit(c) || (joins && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])
                && (c != ',' || char.IsDigit(text[end + 1]))))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        var word = text[start..end];
        if (end < text.Length && text[end] == '.' && IsAbbreviation(word))
        {
            return end + 1;
        }

        var possessive = end < text.Length && text[end] is '’' or '\'' && word[^1] is 's' or 'S'
            && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1]));
        return possessive ? end + 1 : end;
    }

    /// <summary>Titles, initials (J. Smith) and dotted abbreviations (U.S.) keep their full stop.</summary>
    private static bool IsAbbreviation(string word) =>
        Abbreviations.Contains(word) || word.Contains('.', StringComparison.Ordinal) ||
        (word.Length == 1 && char.IsUpper(word[0]));
}
