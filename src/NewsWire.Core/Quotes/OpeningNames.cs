namespace NewsWire.Core.Quotes;

/// <summary>
/// People a sentence opens with though no speech verb names them ("Opposition leader Tom Lind disagreed."), so the
/// "he said" that follows finds them rather than the speaker before. The wire writes it that way all the time: the
/// person is introduced by what they did, then quoted with a pronoun.
/// </summary>
internal static class OpeningNames
{
    /// <summary>
    /// Adds the people a sentence opens with, where no speech verb names them: "Opposition leader Tom Lind
    /// disagreed." A run of name words followed by a lower-case word, opening the sentence or right after a role
    /// noun; two words or more, or a lone surname of someone known. Returns all, in text order.
    /// </summary>
    public static List<Attribution> AddTo(List<ClauseToken> tokens, List<Attribution> found)
    {
        var all = new List<Attribution>(found);
        var taken = new TakenTokens(found);
        for (var s = 0; s < tokens.Count; s++)
        {
            if (s > 0 && !tokens[s - 1].IsTerminator && tokens[s - 1].Kind != TokenKind.Quote)
            {
                continue;
            }

            if (OpeningName(tokens, s) is { } mention && !taken.Overlaps(mention.First, mention.Last))
            {
                all.Add(mention);
            }
        }

        return [.. all.OrderBy(a => a.First)];
    }

    /// <summary>
    /// The token ranges attributions already cover, so that a sentence's opening name is not read twice: sorted by
    /// first token, with the furthest last token so far, so each question is a binary search rather than a scan.
    /// </summary>
    private sealed class TakenTokens
    {
        private readonly int[] _firsts;
        private readonly int[] _furthestLast;

        public TakenTokens(List<Attribution> found)
        {
            var sorted = found.OrderBy(a => a.First).ToList();
            _firsts = [.. sorted.Select(a => a.First)];
            _furthestLast = new int[sorted.Count];
            for (var i = 0; i < sorted.Count; i++)
            {
                _furthestLast[i] = Math.Max(sorted[i].Last, i > 0 ? _furthestLast[i - 1] : int.MinValue);
            }
        }

        /// <summary>Whether some range starting at or before <paramref name="last"/> reaches <paramref name="first"/>.</summary>
        public bool Overlaps(int first, int last)
        {
            var count = ParagraphAttributions.CountAtMost(_firsts, last);
            return count > 0 && _furthestLast[count - 1] >= first;
        }
    }

    /// <summary>The first name run among the words opening a sentence at <paramref name="start"/>, if followed by a lower-case word.</summary>
    private static Attribution? OpeningName(List<ClauseToken> tokens, int start)
    {
        Attribution? single = null;
        for (var k = start; k + 1 < tokens.Count && tokens[k].IsWord && tokens[k + 1].IsWord && k - start < 12; k++)
        {
            if (!SpeakerNames.IsNameWord(tokens[k].Text) || SpeakerNames.IsNameWord(tokens[k + 1].Text) ||
                SpeakerNames.IsParticle(tokens[k + 1].Text))
            {
                continue;
            }

            // The run must be what the sentence opens with, or follow the role it is given ("leader Tom Lind"):
            // in "Talking about Central Asian countries" the capitals are no subject.
            var first = SpeakerNames.RunStart(i => i >= start && tokens[i].IsWord ? tokens[i].Text : null, k);
            if (first > start && !SpeechLexicon.Roles.Contains(tokens[first - 1].Text))
            {
                continue;
            }

            var (name, dropped) = SpeakerNames.Clean([.. tokens[first..(k + 1)].Select(t => t.Text)]);
            if (name is null || SpeechLexicon.Impersonal.Contains(name))
            {
                continue;
            }

            List<string> roles = [.. tokens[start..first].Select(t => t.Text), .. dropped];
            var mention = new Attribution(first, k, SubjectKind.Mention, name, roles, SpeakerNames.GenderOf(name, roles));
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                return mention;
            }

            single ??= mention;
        }

        return single;
    }
}
