namespace NewsWire.Core.Quotes;

/// <summary>
/// Finds attributions: a speech verb with its subject before it ("Smirnov added", "he noted that", "Захарова
/// заявила") or, when the verb opens its clause, after it ("…," said Smirnov; «…», – сказал он), and
/// "according to X" / "по словам X" / "по его словам".
/// </summary>
internal static class AttributionFinder
{
    private const int MaxSubjectWords = 10;

    public static List<Attribution> Find(List<ClauseToken> tokens)
    {
        var found = new List<Attribution>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            var word = tokens[i].Text;
            if (word is "according" or "According" && Next(tokens, i, 1) == "to")
            {
                Add(found, After(tokens, i, i + 2, Gender.Unknown));
            }
            else if (word is "по" or "По" && Next(tokens, i, 1) == "словам")
            {
                Add(found, After(tokens, i, i + 2, Gender.Unknown));
            }
            else if (word is "по" or "По" && Next(tokens, i, 2) == "словам" && Next(tokens, i, 1) is { } pronoun
                && SpeechLexicon.Pronouns.TryGetValue(pronoun, out var pronounGender))
            {
                found.Add(new Attribution(i, i + 2, SubjectKind.Pronoun, pronoun, [], pronounGender));
            }
            else if (SpeechLexicon.Verbs.Contains(word))
            {
                var verbGender = VerbGender(word);
                Add(found, Before(tokens, i, verbGender)
                    ?? (OpensClause(tokens, i) ? After(tokens, i, i + 1, verbGender) : null));
            }
        }

        return found;
    }

    /// <summary>The subject standing before the verb at <paramref name="verb"/>, or null when there is none.</summary>
    private static Attribution? Before(List<ClauseToken> tokens, int verb, Gender verbGender)
    {
        var j = verb - 1;
        while (j >= 0 && tokens[j].IsWord && SpeechLexicon.Adverbs.Contains(tokens[j].Text))
        {
            j--;
        }

        // "Smirnov, who said…": the subject is the name before the comma.
        if (j >= 2 && tokens[j].Text is "who" or "который" or "которая" && tokens[j - 1].Text == ",")
        {
            j -= 2;
        }

        if (j >= 0 && tokens[j].Text == ",")
        {
            j = BeforeAside(tokens, j);
        }

        if (j < 0 || !tokens[j].IsWord)
        {
            return null;
        }

        var word = tokens[j].Text;
        if (SpeechLexicon.Pronouns.TryGetValue(word, out var gender))
        {
            return new Attribution(j, verb, SubjectKind.Pronoun, word, [], Merge(gender, verbGender));
        }

        if (SpeechLexicon.Impersonal.Contains(word))
        {
            return new Attribution(j, verb, SubjectKind.Other, word, [], Gender.Unknown);
        }

        if (SpeakerNames.IsNameWord(word))
        {
            var start = SpeakerNames.RunStart(i => tokens[i].IsWord ? tokens[i].Text : null, j);
            var run = tokens[start..(j + 1)].Select(t => t.Text).ToList();
            var context = WordsBefore(tokens, start);
            return Named(start, verb, run, context, verbGender);
        }

        return SpeechLexicon.Articles.Contains(word) ? null : Described(j, verb, [word]);
    }

    /// <summary>
    /// "Sergey Ryabkov, speaking separately, said": past an aside between commas to the name or pronoun before it.
    /// Returns the index of that word, or -1 when the comma closes no such aside.
    /// </summary>
    private static int BeforeAside(List<ClauseToken> tokens, int comma)
    {
        for (var k = comma - 1; k > 0 && comma - k <= 8; k--)
        {
            if (tokens[k].Text == ",")
            {
                var word = tokens[k - 1];
                return k < comma - 1 && word.IsWord &&
                    (SpeakerNames.IsNameWord(word.Text) || SpeechLexicon.Pronouns.ContainsKey(word.Text)) ? k - 1 : -1;
            }

            if (!tokens[k].IsWord)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The subject after the verb or "according to" (tokens from <paramref name="from"/>), or null.</summary>
    private static Attribution? After(List<ClauseToken> tokens, int verb, int from, Gender verbGender)
    {
        var window = new List<string>();
        for (var k = from; k < tokens.Count && window.Count < MaxSubjectWords; k++)
        {
            if (!tokens[k].IsWord || SpeechLexicon.SubjectStops.Contains(tokens[k].Text))
            {
                break;
            }

            window.Add(tokens[k].Text);
        }

        if (window.Count == 0)
        {
            return null;
        }

        var last = from + window.Count - 1;
        if (SpeechLexicon.Pronouns.TryGetValue(window[0], out var gender))
        {
            return new Attribution(verb, from, SubjectKind.Pronoun, window[0], [], Merge(gender, verbGender));
        }

        // The last capitalized run is the name: "said Foreign Ministry spokeswoman Maria Zakharova".
        var end = window.FindLastIndex(SpeakerNames.IsNameWord);
        if (end < 0)
        {
            return window.All(SpeechLexicon.Articles.Contains) ? null : Described(verb, last, window);
        }

        var start = SpeakerNames.RunStart(i => window[i], end);
        return Named(verb, from + end, window.GetRange(start, end - start + 1), window.GetRange(0, start), verbGender);
    }

    /// <summary>An attribution to the name in <paramref name="run"/>; <paramref name="context"/> holds the words before it.</summary>
    private static Attribution? Named(int first, int last, List<string> run, List<string> context, Gender verbGender)
    {
        var (name, dropped) = SpeakerNames.Clean(run);
        if (name is null)
        {
            return null;
        }

        if (!name.Contains(' ', StringComparison.Ordinal) && SpeechLexicon.Impersonal.Contains(name))
        {
            return new Attribution(first, last, SubjectKind.Other, name, [], Gender.Unknown);
        }

        List<string> roles = [.. context, .. dropped];
        return new Attribution(first, last, SubjectKind.Name, name, roles, Merge(SpeakerNames.GenderOf(name, roles), verbGender));
    }

    /// <summary>A lower-case subject: a role the article gave someone ("the minister"), or an unnamed source.</summary>
    private static Attribution Described(int first, int last, List<string> words)
    {
        var role = words.LastOrDefault(SpeechLexicon.Roles.Contains);
        return role is null
            ? new Attribution(first, last, SubjectKind.Other, string.Join(' ', words), [], Gender.Unknown)
            : new Attribution(first, last, SubjectKind.Role, role, [], Gender.Unknown);
    }

    /// <summary>Up to eight words before a name, back to punctuation: the role it was introduced with.</summary>
    private static List<string> WordsBefore(List<ClauseToken> tokens, int start)
    {
        var words = new List<string>();
        for (var k = start - 1; k >= 0 && tokens[k].IsWord && words.Count < 8; k--)
        {
            words.Insert(0, tokens[k].Text);
        }

        return words;
    }

    /// <summary>An inverted subject follows a verb that opens its clause: after a quotation, comma or dash, or "как".</summary>
    private static bool OpensClause(List<ClauseToken> tokens, int verb) =>
        verb == 0 || !tokens[verb - 1].IsWord || tokens[verb - 1].Text is "как" or "Как" or "as" or "As";

    /// <summary>Russian past tense shows the speaker's gender: заявила (she), заявил (he).</summary>
    private static Gender VerbGender(string verb) =>
        !SpeakerNames.IsCyrillic(verb) ? Gender.Unknown
        : verb.EndsWith("ла", StringComparison.Ordinal) ? Gender.Female
        : verb.EndsWith('л') ? Gender.Male
        : Gender.Unknown;

    private static Gender Merge(Gender a, Gender b) => a != Gender.Unknown ? a : b;

    private static string? Next(List<ClauseToken> tokens, int i, int ahead) =>
        i + ahead < tokens.Count && tokens[i + ahead].IsWord ? tokens[i + ahead].Text : null;

    private static void Add(List<Attribution> found, Attribution? attribution)
    {
        if (attribution is not null)
        {
            found.Add(attribution);
        }
    }
}
