namespace NewsWire.Core.Quotes;

/// <summary>
/// The people an article has quoted or reported so far, in the order they were last attributed. It turns each
/// attribution, in article order, into a speaker: a surname into the full name it was introduced with
/// ("Smirnov" into "Sergey Smirnov"), a pronoun into the last named speaker, a role into whoever held it.
/// </summary>
internal sealed class SpeakerRegistry
{
    /// <summary>
    /// How many people are remembered; past it the one mentioned longest ago is forgotten. No article quotes so
    /// many, and the bound keeps each look-up short however many names a stored body holds.
    /// </summary>
    public const int MaxPeople = 200;

    private readonly List<Person> _people = [];
    private int _clock;

    /// <summary>Resolves an attribution met in paragraph <paramref name="paragraph"/> and records the mention.</summary>
    public string? Resolve(Attribution attribution, int paragraph)
    {
        var person = attribution.Kind switch
        {
            SubjectKind.Name => ByName(attribution),
            SubjectKind.Mention when !attribution.Subject.Contains(' ', StringComparison.Ordinal) => Known(attribution.Subject),
            SubjectKind.Mention => ByName(attribution),
            SubjectKind.Pronoun => ByPronoun(attribution.Gender),
            SubjectKind.Role => Latest(p => p.Roles.Contains(attribution.Subject)),
            _ => null,
        };

        if (person is null)
        {
            return null;
        }

        person.LastParagraph = paragraph;
        person.LastMention = ++_clock;
        return person.Name;
    }

    /// <summary>
    /// The speaker for speech nobody is credited with: the last person attributed (or named opening a sentence, see
    /// <see cref="OpeningNames"/>), if in this paragraph or one of the two before it. Further back, the article
    /// has moved on and a guess would mislead.
    /// </summary>
    public string? Recent(int paragraph) =>
        Latest(_ => true) is { } last && last.LastParagraph >= paragraph - 2 ? last.Name : null;

    /// <summary>
    /// Someone already met, by surname or first name; null for a name not seen before. A particle the name opens
    /// with is no first name: "Von" alone does not find von der Leyen.
    /// </summary>
    private Person? Known(string word) =>
        Latest(p => SpeakerNames.SameWord(p.Words[^1], word)
            || (!SpeakerNames.OpensWithParticle(p.Words) && SpeakerNames.SameWord(p.Words[0], word)));

    /// <summary>
    /// A full name, or a surname that joins the full name it was introduced with. Words compare without regard to
    /// case, so "Von der Leyen" opening a sentence finds "Ursula von der Leyen"; a surname met first joins the full
    /// name met later.
    /// </summary>
    private Person ByName(Attribution attribution)
    {
        var words = attribution.Subject.Split(' ');
        var person = words.Length == 1
            ? Known(words[0])
            : Latest(p => p.Words.Length == words.Length && EndsWith(p.Words, words))
              ?? (SpeakerNames.IsSurnameOnly(words) ? Latest(p => EndsWith(p.Words, words)) : null) // "Von der Leyen"
              ?? Latest(p => SpeakerNames.IsSurnameOnly(p.Words) && EndsWith(words, p.Words)); // met as "Smirnov"
        if (person is null)
        {
            if (_people.Count == MaxPeople)
            {
                _people.Remove(_people.MinBy(p => p.LastMention)!);
            }

            person = new Person(attribution.Subject);
            _people.Add(person);
        }
        else if (person.Words.Length < words.Length)
        {
            // First met by surname alone, now in full: later mentions get the full name.
            person.Rename(attribution.Subject);
        }

        person.Roles.UnionWith(attribution.Roles);
        if (person.Gender == Gender.Unknown)
        {
            person.Gender = attribution.Gender;
        }

        return person;
    }

    /// <summary>
    /// The last named speaker, skipping those the article has shown to be of the other gender ("she said" after a
    /// quote from Volkov goes to Belova). When nobody fits, the last speaker all the same.
    /// </summary>
    private Person? ByPronoun(Gender gender)
    {
        var fitting = Latest(p => gender == Gender.Unknown || p.Gender == Gender.Unknown || p.Gender == gender);
        if (fitting is not null && fitting.Gender == Gender.Unknown)
        {
            fitting.Gender = gender;
        }

        return fitting ?? Latest(_ => true);
    }

    /// <summary>Whether <paramref name="name"/> ends with the words of <paramref name="tail"/>, each the same word.</summary>
    private static bool EndsWith(string[] name, string[] tail) =>
        tail.Length <= name.Length && name[^tail.Length..].Zip(tail).All(w => SpeakerNames.SameWord(w.First, w.Second));

    private Person? Latest(Func<Person, bool> match) =>
        _people.Where(match).MaxBy(p => p.LastMention);

    private sealed class Person(string name)
    {
        public string Name { get; private set; } = name;

        public string[] Words { get; private set; } = name.Split(' ');

        public HashSet<string> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Gender Gender { get; set; }

        public int LastParagraph { get; set; }

        public int LastMention { get; set; }

        public void Rename(string name)
        {
            Name = name;
            Words = name.Split(' ');
        }
    }
}
