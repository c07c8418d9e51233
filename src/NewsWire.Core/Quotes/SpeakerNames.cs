namespace NewsWire.Core.Quotes;

internal enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// Reading a speaker's name out of the capitalized words before or after a speech verb, and telling whether two
/// spellings name the same person. "Federal Security Service first deputy director Army General Sergey Smirnov
/// said" gives the capitalized run "Army General Sergey Smirnov"; the ranks in front are dropped.
/// </summary>
internal static class SpeakerNames
{
    /// <summary>Titles and ranks written in front of a name. Everything up to the last of them is dropped.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Prime", "Minister", "Deputy", "Director", "General", "Army", "Colonel", "Col.",
        "Lieutenant", "Lt.", "Major", "Maj.", "Captain", "Capt.", "Sergeant", "Sgt.", "Admiral", "Adm.", "Marshal",
        "Commander", "Chief", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Senator",
        "Sen.", "Governor", "Gov.", "Mayor", "Chairman", "Chairwoman", "Speaker", "King", "Queen", "Prince",
        "Princess", "Pope", "Patriarch", "Chancellor", "Premier", "Head", "Leader", "Envoy", "Representative",
        "Rep.", "Attorney", "Prosecutor", "Officer", "Official", "Judge", "Justice", "Professor", "Prof.", "Dr.",
        "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady", "Sheikh", "Emir",
        "Gen.", "Rev.", "Father", "Президент", "Министр", "Глава", "Генерал", "Председатель", "Премьер",
    };

    /// <summary>Capitalized only because a sentence starts with them ("Then Smirnov said", "Talking about…").</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "Then", "But", "And", "However", "Also", "Meanwhile", "In", "On", "At",
        "As", "When", "While", "After", "Before", "Later", "Earlier", "Speaking", "Talking", "Asked", "Commenting",
        "Replying", "Addressing", "Как", "Также", "Однако", "Затем", "Тогда", "В", "На", "При", "По", "Кроме",
    };

    /// <summary>Lower-case name particles that may stand inside a name: Ursula von der Leyen, Vincent van Gogh.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "ter", "zu", "de", "des", "da", "di", "du", "del", "della", "la", "le", "bin",
        "ibn", "al", "el", "dos", "das",
    };

    /// <summary>The same particles in any case: a sentence opening with a surname capitalizes its particle ("Von der Leyen added").</summary>
    private static readonly HashSet<string> ParticlesInAnyCase = new(Particles, StringComparer.OrdinalIgnoreCase);

    /// <summary>Endings of Russian case forms, longest first, so "Захаровой" and "Захарова" meet at "Захаров".</summary>
    private static readonly string[] CyrillicEndings =
        ["ого", "ему", "ой", "ей", "ым", "ом", "ую", "ая", "а", "у", "е", "ы", "ю", "я", "и", "й"];

    public static bool IsNameWord(string word) =>
        char.IsUpper(word[0]) || (word.LastIndexOf('-') is var hyphen and > 0 && hyphen + 1 < word.Length
            && char.IsUpper(word[hyphen + 1]));

    public static bool IsParticle(string word) => Particles.Contains(word);

    /// <summary>
    /// A surname and nothing else: one word, or particles in any case before it ("Leyen", "von der Leyen",
    /// "Van Gogh", "Al-Assad" is one word). Such a mention may stand for a full name that ends with it.
    /// </summary>
    public static bool IsSurnameOnly(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!ParticlesInAnyCase.Contains(words[i]))
            {
                return false;
            }
        }

        return words.Count > 0;
    }

    /// <summary>
    /// Whether a name opens with its surname's particle rather than a first name, so that its first word alone
    /// names nobody: "von der Leyen", or "Von der Leyen" as a sentence opens with it. "Van Gogh" may open with a
    /// first name (Van Morrison) and is read so, as a name written "Du Wei" opens with a family name.
    /// </summary>
    public static bool OpensWithParticle(IReadOnlyList<string> words) =>
        words.Count > 1 && (Particles.Contains(words[0]) || (ParticlesInAnyCase.Contains(words[0]) && Particles.Contains(words[1])));

    /// <summary>
    /// Where the run of name words ending at <paramref name="end"/> starts, reading <paramref name="wordAt"/>
    /// (null for a non-word) backwards. Particles count inside a name ("Ursula von der Leyen") and in front of a
    /// surname given without a first name ("said von der Leyen").
    /// </summary>
    public static int RunStart(Func<int, string?> wordAt, int end)
    {
        var start = end;
        for (var i = end - 1; i >= 0 && wordAt(i) is { } word; i--)
        {
            if (IsNameWord(word) || Particles.Contains(word))
            {
                start = i;
            }
            else
            {
                break;
            }
        }

        return start;
    }

    /// <summary>
    /// The name in a run of capitalized words: drops everything up to the last title, leading sentence words,
    /// all-capital abbreviations (МИД, FSB) and possessives (Russia’s), always keeping at least one word.
    /// Cyrillic names keep two words (three with a patronymic), since case-inflected places precede them
    /// ("МИД России Мария Захарова"). Returns null when the run is only such words ("That said") or a Russian
    /// genitive ("Гидрометцентра России").
    /// </summary>
    public static (string? Name, List<string> Dropped) Clean(IReadOnlyList<string> run)
    {
        var start = 0;
        for (var i = 0; i < run.Count - 1; i++)
        {
            if (IsDroppable(run[i]))
            {
                start = i + 1;
            }
        }

        if (run.Count == 0 || (start == run.Count - 1 && FunctionWords.Contains(run[^1])))
        {
            return (null, [.. run]);
        }

        if (IsCyrillic(run[^1]))
        {
            // Russian surnames do not end in -и or -ы; places and bodies in the genitive do: "руководитель
            // Гидрометцентра России" names an office, not a person.
            if (run[^1][^1] is 'и' or 'ы')
            {
                return (null, [.. run]);
            }

            var keep = run.Count - start >= 3 && IsPatronymic(run[^2]) ? 3 : 2;
            start = Math.Max(start, run.Count - keep);
        }

        return (string.Join(' ', run.Skip(start)), [.. run.Take(start)]);
    }

    /// <summary>Gender from what the article says: a gendered role or title, or a Russian surname ending.</summary>
    public static Gender GenderOf(string name, IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            if (role.ToUpperInvariant() is "SPOKESWOMAN" or "CHAIRWOMAN" or "MRS." or "MRS" or "MS." or "MS" or "MISS"
                or "QUEEN" or "PRINCESS" or "LADY" or "DAME")
            {
                return Gender.Female;
            }

            if (role.ToUpperInvariant() is "SPOKESMAN" or "CHAIRMAN" or "MR." or "MR" or "KING" or "PRINCE" or "LORD" or "SIR")
            {
                return Gender.Male;
            }
        }

        var surname = name[(name.LastIndexOf(' ') + 1)..];
        string[] female = ["ova", "eva", "skaya", "ова", "ева", "ина", "ская", "цкая"];
        string[] male = ["ov", "ev", "sky", "skiy", "ов", "ев", "ин", "ский", "цкий"];
        return female.Any(e => surname.EndsWith(e, StringComparison.Ordinal)) ? Gender.Female
            : male.Any(e => surname.EndsWith(e, StringComparison.Ordinal)) ? Gender.Male
            : Gender.Unknown;
    }

    /// <summary>Whether two name words are the same word; Russian ones up to the case ending.</summary>
    public static bool SameWord(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ||
        (IsCyrillic(a) && IsCyrillic(b) && string.Equals(Stem(a), Stem(b), StringComparison.OrdinalIgnoreCase));

    public static bool IsCyrillic(string word) => word.Length > 0 && word[0] is >= '\u0400' and <= '\u04FF';

    private static bool IsDroppable(string word) =>
        Titles.Contains(word) || FunctionWords.Contains(word) || word.EndsWith("’s", StringComparison.Ordinal) ||
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith('’') || word.EndsWith('\'') ||
        (word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)));

    private static bool IsPatronymic(string word) =>
        word.EndsWith("ович", StringComparison.Ordinal) || word.EndsWith("евич", StringComparison.Ordinal) ||
        word.EndsWith("овна", StringComparison.Ordinal) || word.EndsWith("евна", StringComparison.Ordinal) ||
        word.EndsWith("ична", StringComparison.Ordinal) || word.EndsWith("ьич", StringComparison.Ordinal);

    private static string Stem(string word)
    {
        foreach (var ending in CyrillicEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
