using System.Collections.Frozen;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Month words as agencies write them in datelines. One table for every language, so adding an agency
/// that writes, say, German datelines is one more block of rows here and no change to the patterns.
/// </summary>
internal static class MonthNames
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        // English: full names, the three-letter abbreviations in any case ("Feb", "SEP", ANSA's English
        // service), and AP's "Sept" (the trailing dot of "Sept." or "Feb." is taken off before the lookup).
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6,
        ["july"] = 7, ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,

        // Russian: a date is "18 сентября", so the month is in the genitive; the nominative never
        // follows a day number and is left out on purpose.
        ["января"] = 1, ["февраля"] = 2, ["марта"] = 3, ["апреля"] = 4, ["мая"] = 5, ["июня"] = 6,
        ["июля"] = 7, ["августа"] = 8, ["сентября"] = 9, ["октября"] = 10, ["ноября"] = 11, ["декабря"] = 12,

        // Italian, for ANSA's "(ANSA) - ROMA, 18 SET -": full names and the three-letter forms ANSA prints.
        // Those that are also English ("mar", "nov") are in the English block already.
        ["gennaio"] = 1, ["febbraio"] = 2, ["marzo"] = 3, ["aprile"] = 4, ["maggio"] = 5, ["giugno"] = 6,
        ["luglio"] = 7, ["agosto"] = 8, ["settembre"] = 9, ["ottobre"] = 10, ["novembre"] = 11, ["dicembre"] = 12,
        ["gen"] = 1, ["mag"] = 5, ["giu"] = 6, ["lug"] = 7, ["ago"] = 8, ["set"] = 9, ["ott"] = 10, ["dic"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The month number (1..12) of a month word, ignoring case and a trailing abbreviation dot.</summary>
    public static bool TryGetMonth(string word, out int month) => Months.TryGetValue(word.TrimEnd('.'), out month);
}
