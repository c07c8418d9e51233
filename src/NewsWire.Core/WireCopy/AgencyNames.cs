using System.Collections.Frozen;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// The agencies NewsWire knows by name, and the one spelling each is stored under. Datelines and sign-offs
/// spell them many ways ("Reuter", "REUTERS", "ITAR-TASS", "Agence France-Presse"); a source filter must see one.
/// </summary>
internal static class AgencyNames
{
    /// <summary>
    /// Every spelling met in datelines, bylines and sign-offs, to the usual one. Cyrillic "ТАСС" is left alone on
    /// purpose: it is the agency's own spelling in Russian copy, and the Russian service is filtered separately.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Usual = new Dictionary<string, string>
    {
        ["Reuters"] = "Reuters", ["Reuter"] = "Reuters",
        ["AP"] = "AP", ["Associated Press"] = "AP", ["The Associated Press"] = "AP",
        ["AFP"] = "AFP", ["Agence France-Presse"] = "AFP", ["Agence France Presse"] = "AFP",
        ["Xinhua"] = "Xinhua", ["Xinhua News Agency"] = "Xinhua",
        ["Interfax"] = "Interfax",
        ["UPI"] = "UPI", ["United Press International"] = "UPI",
        ["dpa"] = "dpa", ["Deutsche Presse-Agentur"] = "dpa",
        ["ANSA"] = "ANSA",
        ["Kyodo"] = "Kyodo", ["Kyodo News"] = "Kyodo",
        ["TASS"] = "TASS", ["ITAR-TASS"] = "TASS", ["ИТАР-ТАСС"] = "ТАСС",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The usual spelling of a known agency; any other name trimmed and kept as written, since "any
    /// <c>PLACE, DATE (AGENCY) -</c>" is a dateline whoever sent it ("Bernama", "Yonhap").
    /// </summary>
    public static string Normalize(string agency)
    {
        var name = agency.Trim();
        return Usual.TryGetValue(name, out var usual) ? usual : name;
    }

    /// <summary>A name in the table, in any case: "Kyodo", "REUTERS", "Associated Press".</summary>
    public static bool IsKnown(string name) => Usual.ContainsKey(name.Trim());

    /// <summary>
    /// A known agency or one of its services ("Reuters Health", "Interfax-Ukraine"): the first word is a
    /// known name. Datelines without a date are taken only with such an agency, because "PLACE (X) -" alone
    /// is too common a shape in ordinary sentences.
    /// </summary>
    public static bool IsKnownService(string name)
    {
        var trimmed = name.Trim();
        var end = trimmed.IndexOfAny([' ', '-']);
        return IsKnown(trimmed) || (end > 0 && IsKnown(trimmed[..end]));
    }

    /// <summary>
    /// A line that is only an agency's sign-off: one known name ("Reuter", "REUTERS", "AFP"), Xinhua's
    /// "Enditem", or Reuters' closing boilerplate. It says nothing but who sent the story, so the parser drops it.
    /// </summary>
    public static bool IsSignOff(string line, out string agency)
    {
        agency = "";
        var word = line.Trim().TrimEnd('.');
        if (word.Equals("Our Standards: The Thomson Reuters Trust Principles", StringComparison.OrdinalIgnoreCase))
        {
            agency = "Reuters";
            return true;
        }

        // Xinhua closes English copy with "Enditem" rather than its name.
        if (word.Equals("Enditem", StringComparison.OrdinalIgnoreCase))
        {
            agency = "Xinhua";
            return true;
        }

        if (word.Contains(' ', StringComparison.Ordinal) || !IsKnown(word))
        {
            return false;
        }

        agency = Normalize(word);
        return true;
    }
}
