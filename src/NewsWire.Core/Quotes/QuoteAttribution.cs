namespace NewsWire.Core.Quotes;

internal enum Credit
{
    /// <summary>A scare-quoted term ("Islamic caliphate"), not a quotation.</summary>
    Term,

    /// <summary>Attributed in its own sentence: "…," Smirnov added / he noted that "…".</summary>
    Sentence,

    /// <summary>Attributed elsewhere in its paragraph: "A." "B," Ivanov said.</summary>
    Paragraph,

    /// <summary>A full sentence in quotes credited to nobody: the speaker attributed in the last two paragraphs.</summary>
    Recent,

    /// <summary>A quoted fragment credited to nobody: a quotation without a speaker.</summary>
    Unknown,
}

/// <summary>How one quotation is credited, and to whom.</summary>
internal readonly record struct Choice(Credit Credit, string? Speaker);

/// <summary>
/// Decides, for one quotation, whether it is speech and whose. The rules, in order:
/// <list type="number">
/// <item>An attribution in the same sentence, between the quotation and the neighbouring quotation or sentence end:
/// the one before when the quoted words end their sentence (he noted that "…there."), else the one right after
/// ("…," Smirnov added), else whichever there is.</item>
/// <item>A short quotation (at most <see cref="MaxTermWords"/> words) counts only with an attribution in its own
/// sentence ("No," she said; the response will be "measured and precise," she said) and not when labelled a
/// term (the so-called "caliphate"); otherwise it is a scare-quoted term, however many speech verbs the
/// paragraph has (the TASS background on the "Islamic caliphate" also says "according to" and "claim").</item>
/// <item>Otherwise the nearest attribution in the paragraph with a known speaker, before the quotation first; a
/// person opening a sentence counts here ("Tom Lind disagreed. "This budget hurts pensioners."").</item>
/// <item>Otherwise a full sentence in quotes (capital to full stop), or a quotation running over paragraphs, is
/// the last attributed speaker's if attributed in the two paragraphs before; else nobody's.</item>
/// </list>
/// </summary>
internal static class QuoteAttribution
{
    /// <summary>Quoted phrases this short are terms unless an attribution stands right next to them.</summary>
    public const int MaxTermWords = 3;

    /// <summary>Words right before a quotation that mark it as a term, not speech.</summary>
    private static readonly HashSet<string> TermLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "so-called", "so-named", "self-styled", "self-proclaimed", "dubbed", "termed", "самопровозглашенный",
        "самопровозглашённый", "самопровозглашенная", "самопровозглашённая",
    };

    /// <param name="tokens">The paragraph's tokens.</param>
    /// <param name="attributions">The paragraph's attributions, speakers resolved.</param>
    /// <param name="quote">Index of the quotation's token.</param>
    /// <param name="runsOn">The quotation runs over paragraphs (it is speech by convention, whatever its length).</param>
    /// <param name="recent">The fallback speaker for this paragraph (<see cref="SpeakerRegistry.Recent"/>).</param>
    public static Choice Choose(List<ClauseToken> tokens, ParagraphAttributions attributions, int quote, bool runsOn, string? recent)
    {
        var content = tokens[quote].Text;
        var isShort = !runsOn && WordCount(content) <= MaxTermWords;
        if (isShort && IsLabelled(tokens, quote))
        {
            return new Choice(Credit.Term, null);
        }

        var before = Before(tokens, attributions, quote);
        var (after, afterAdjacent) = After(tokens, attributions, quote);
        var chosen = before is not null && tokens[quote].EndsSentence ? before
            : after is not null && afterAdjacent ? after
            : before ?? after;
        if (chosen is not null)
        {
            return new Choice(Credit.Sentence, chosen.Speaker);
        }

        if (isShort)
        {
            return new Choice(Credit.Term, null);
        }

        if (attributions.NearestWithSpeaker(quote) is { } inParagraph)
        {
            return new Choice(Credit.Paragraph, inParagraph.Speaker);
        }

        return runsOn || IsFullSentence(content) ? new Choice(Credit.Recent, recent) : new Choice(Credit.Unknown, null);
    }

    /// <summary>
    /// A short quotation the writer labels as a term: the so-called "caliphate", так называемое «государство».
    /// Such a term stays a term even when the sentence reports speech (Smirnov said the so-called "caliphate"…).
    /// </summary>
    private static bool IsLabelled(List<ClauseToken> tokens, int quote)
    {
        var previous = quote > 0 && tokens[quote - 1].IsWord ? tokens[quote - 1].Text : "";
        return TermLabels.Contains(previous) ||
            (previous.StartsWith("называем", StringComparison.OrdinalIgnoreCase) && quote > 1 &&
                tokens[quote - 2].Text.Equals("так", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Words with a letter or digit in them; dashes and stray marks do not count.</summary>
    public static int WordCount(string content) =>
        content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    /// <summary>The last attribution between the previous sentence end or quotation and this quotation.</summary>
    private static Attribution? Before(List<ClauseToken> tokens, ParagraphAttributions attributions, int quote)
    {
        var start = quote;
        while (start > 0 && !tokens[start - 1].IsTerminator && tokens[start - 1].Kind != TokenKind.Quote)
        {
            start--;
        }

        return attributions.LastSpeechBefore(quote, start);
    }

    /// <summary>The first attribution between this quotation and the next quotation or sentence end.</summary>
    private static (Attribution? Found, bool Adjacent) After(List<ClauseToken> tokens, ParagraphAttributions attributions, int quote)
    {
        var end = quote + 1;
        while (end < tokens.Count && !tokens[end].IsTerminator && tokens[end].Kind != TokenKind.Quote)
        {
            end++;
        }

        var found = attributions.FirstSpeechAfter(quote, end);
        var adjacent = found is not null && tokens[(quote + 1)..found.First]
            .All(t => t.Kind == TokenKind.Punct && SpeechLexicon.AttributionPunctuation.Contains(t.Text));
        return (found, adjacent);
    }

    /// <summary>Capital letter to full stop, question or exclamation mark: a sentence, not a fragment or a name.</summary>
    private static bool IsFullSentence(string content)
    {
        var first = content.FirstOrDefault(char.IsLetterOrDigit);
        return (char.IsUpper(first) || char.IsDigit(first)) && ClauseTokens.EndsSentence(content);
    }
}
