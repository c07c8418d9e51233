namespace NewsWire.Core.Quotes;

/// <summary>
/// Finds the quotations in an article's body and who said them (GET /api/articles/{id}/quotes). See
/// <see cref="QuoteAttribution"/> for how a quotation is credited, <see cref="AttributionFinder"/> for what counts
/// as an attribution, <see cref="SpeakerRegistry"/> for how "he" and "Smirnov" become "Sergey Smirnov", and
/// <see cref="QuoteMarks"/> for the quotation marks.
/// </summary>
/// <remarks>
/// A quotation running over several paragraphs (each opens with a mark, only the last closes) gives one
/// <see cref="Quote"/> per paragraph, all credited to the same speaker: a quote has one paragraph number, and
/// joining the parts would hide where the later ones stand. The speaker is the one the first attributed part
/// names (usually the opening part, or the closing "…," he said).
/// </remarks>
public static class QuoteExtractor
{
    /// <param name="paragraphs">Body paragraphs in order: the dateline taken off the first, sub-headings left out.</param>
    public static IReadOnlyList<Quote> Extract(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var registry = new SpeakerRegistry();
        var pieces = new List<Piece>();
        int? openRun = null;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var number = p + 1;
            var text = paragraphs[p] ?? "";
            var spans = QuoteScanner.Scan(text);
            var tokens = ClauseTokens.Tokenize(text, spans);

            // Speech credited to nobody goes to the speaker attributed before this paragraph, not to one named after it.
            var recent = registry.Recent(number);

            // Names opening a sentence matter only to pronouns and uncredited speech next to them, so only where
            // there is a quotation: a background paragraph naming "The Islamic State" must not become a speaker.
            var attributions = AttributionFinder.Find(tokens);
            if (spans.Count > 0)
            {
                attributions = OpeningNames.AddTo(tokens, attributions);
            }

            foreach (var attribution in attributions)
            {
                attribution.Speaker = registry.Resolve(attribution, number);
            }

            // In token order whenever there is a quotation to credit: OpeningNames.AddTo sorts them.
            var around = new ParagraphAttributions(attributions);
            var continues = openRun is not null && spans.Count > 0 && string.IsNullOrWhiteSpace(text[..spans[0].Open]);
            for (var q = 0; q < tokens.Count; q++)
            {
                if (tokens[q].Kind != TokenKind.Quote || tokens[q].Text.Length == 0)
                {
                    continue;
                }

                var span = spans[tokens[q].Span];
                var continued = continues && tokens[q].Span == 0;
                var runsOn = continued || (!span.Closed && p + 1 < paragraphs.Count && OpensWithMark(paragraphs[p + 1]));
                var choice = QuoteAttribution.Choose(tokens, around, q, runsOn, recent);
                var run = continued ? openRun!.Value : pieces.Count;
                pieces.Add(new Piece(run, number, tokens[q].Text, choice, span.Closed));
            }

            openRun = pieces.Count > 0 && pieces[^1].Paragraph == number && !pieces[^1].Closed ? pieces[^1].Run : null;
        }

        return Assemble(pieces);
    }

    /// <summary>Whether a paragraph opens with a quotation mark, as the next part of a running quotation does.</summary>
    private static bool OpensWithMark(string? paragraph) =>
        paragraph?.TrimStart() is { Length: > 0 } text && QuoteMarks.MayRunOn(text[0]);

    /// <summary>Drops terms and gives every part of a running quotation the speaker of its best-credited part.</summary>
    private static List<Quote> Assemble(List<Piece> pieces)
    {
        var speakers = pieces.GroupBy(p => p.Run).ToDictionary(g => g.Key, g => RunSpeaker([.. g.Select(p => p.Choice)]));
        return [.. pieces.Where(p => p.Choice.Credit != Credit.Term).Select(p => new Quote(speakers[p.Run], p.Text, p.Paragraph))];
    }

    /// <summary>The first part attributed in its sentence names the speaker; else the first in its paragraph; else the opening part.</summary>
    private static string? RunSpeaker(List<Choice> parts)
    {
        foreach (var credit in (Credit[])[Credit.Sentence, Credit.Paragraph])
        {
            var index = parts.FindIndex(c => c.Credit == credit);
            if (index >= 0)
            {
                return parts[index].Speaker;
            }
        }

        return parts[0].Speaker;
    }

    /// <summary>One quotation in one paragraph; <paramref name="Run"/> ties the parts of a running quotation.</summary>
    private sealed record Piece(int Run, int Paragraph, string Text, Choice Choice, bool Closed);
}
