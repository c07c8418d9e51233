namespace NewsWire.Core.Quotes;

/// <summary>
/// The closed word lists attribution rests on, English and basic Russian. They are small on purpose: a word
/// missing here costs one attribution, while a wrong word here (a noun read as a verb) would attribute speech
/// that is not there. "states" is left out for that reason ("member states of the SCO"), and so are "announced"
/// and "called", whose objects are names, not speech (IS announced the "Islamic caliphate"; a group called "X").
/// </summary>
internal static class SpeechLexicon
{
    /// <summary>Verbs that introduce speech, in the forms wire copy uses (lower case: "Said" starts names).</summary>
    public static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "said", "says", "added", "adds", "noted", "notes", "stressed", "stresses", "told", "tells", "continued",
        "continues", "warned", "warns", "explained", "explains", "asserted", "asserts", "claimed", "claims", "claim",
        "declared", "declares", "insisted", "insists", "emphasized", "emphasised", "emphasizes", "emphasises",
        "remarked", "replied", "answered", "recalled", "argued", "argues", "stated", "commented", "wrote", "writes",
        "acknowledged", "admitted", "confirmed", "asked", "urged", "described", "describes",
        "заявил", "заявила", "заявили", "сказал", "сказала", "сказали", "отметил", "отметила", "отметили",
        "добавил", "добавила", "подчеркнул", "подчеркнула", "сообщил", "сообщила", "сообщили", "пояснил",
        "пояснила", "продолжил", "продолжила", "заметил", "заметила", "указал", "указала", "предупредил",
        "предупредила", "уточнил", "уточнила", "рассказал", "рассказала", "напомнил", "напомнила", "признал",
        "признала", "считает", "говорит", "заявляет", "отмечает", "подчеркивает", "подчёркивает",
    };

    /// <summary>Personal pronouns that stand for a speaker, with the gender they imply.</summary>
    public static readonly Dictionary<string, Gender> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["he"] = Gender.Male, ["him"] = Gender.Male, ["his"] = Gender.Male,
        ["she"] = Gender.Female, ["her"] = Gender.Female,
        ["он"] = Gender.Male, ["него"] = Gender.Male, ["его"] = Gender.Male,
        ["она"] = Gender.Female, ["неё"] = Gender.Female, ["нее"] = Gender.Female, ["её"] = Gender.Female, ["ее"] = Gender.Female,
    };

    /// <summary>Subjects that speak but are nobody in particular ("they said", "it said in a statement").</summary>
    public static readonly HashSet<string> Impersonal = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "they", "we", "i", "you", "officials", "authorities", "experts", "sources", "police", "witnesses",
        "residents", "analysts", "reports", "observers", "people", "они", "мы", "я", "это",
    };

    /// <summary>Words between subject and verb: "Smirnov also stressed", "she had told", "он также отметил".</summary>
    public static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "also", "later", "then", "again", "further", "reportedly", "has", "had", "have", "was", "earlier", "once",
        "previously", "repeatedly", "subsequently", "only", "just", "recently", "today", "yesterday",
        "также", "тоже", "ранее", "уже", "еще", "ещё", "затем", "вновь", "снова", "позже", "лишь",
    };

    /// <summary>Articles and determiners: "the said" is no subject, and a role noun phrase starts at one.</summary>
    public static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "its", "our", "their",
    };

    /// <summary>What may stand between a quotation and the attribution right after it: «…», – сказал он.</summary>
    public static readonly HashSet<string> AttributionPunctuation = new(StringComparer.Ordinal)
    {
        ":", ",", "–", "—", "-", "‑",
    };

    /// <summary>Where the subject after an inverted verb ends: "said Smirnov on Friday", "сказал он на брифинге".</summary>
    public static readonly HashSet<string> SubjectStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "at", "during", "after", "before", "while", "when", "who", "whose", "which", "that", "adding",
        "as", "with", "from", "for", "to", "of", "and", "but", "told", "said",
        "на", "в", "во", "после", "перед", "когда", "который", "которая", "что", "добавив", "с", "со", "из", "для",
        "и", "но", "о", "об",
    };

    /// <summary>
    /// Nouns for people who speak in their own name, so "the minister said" can be matched to the speaker introduced
    /// as "Foreign Minister Sergey Lavrov". Institutions ("the ministry") are deliberately absent.
    /// </summary>
    public static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "officer", "official", "minister", "spokesman", "spokeswoman", "spokesperson", "general", "diplomat",
        "director", "president", "chairman", "chairwoman", "head", "leader", "ambassador", "senator", "governor",
        "mayor", "lawmaker", "commander", "prosecutor", "premier", "chief", "secretary", "envoy", "politician",
        "министр", "глава", "представитель", "дипломат", "председатель", "президент", "генерал", "лидер", "политик",
        "губернатор", "мэр", "посол", "депутат", "директор", "руководитель",
    };
}
