using System.Collections.Frozen;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Words that stay in capitals when an all-capitals headline or place is title-cased: "OPEC", not "Opec".
/// Dotted initials ("U.S.", "U.N.", "D.C.") need no entry: a letter after a dot is capitalized anyway.
/// </summary>
/// <remarks>
/// Left out on purpose because they are also common English words in capitals: IT, WHO, AIDS (the verb),
/// IS (the verb), OR, AM, PM. US is in: the wires write the country far more often than the pronoun.
/// Add to the list when a headline comes out wrong; a word in it is never lower-cased.
/// </remarks>
internal static class Acronyms
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        // Countries and blocs.
        "US", "USA", "UK", "EU", "EC", "EEC", "UN", "USSR", "CIS", "UAE", "DPRK", "GDR", "FRG", "PRC", "ROK",
        // International organizations and groupings.
        "OPEC", "NATO", "IMF", "SCO", "OECD", "GATT", "WTO", "ASEAN", "APEC", "BRICS", "CSTO", "OSCE", "IAEA",
        "UNESCO", "UNICEF", "UNHCR", "ICC", "ICJ", "IOC", "FIFA", "UEFA", "PLO", "ANC", "EAEU", "ECU",
        "G7", "G8", "G20", "BIS", "IEA", "EBRD", "EIB", "ADB", "IDB",
        // Central banks, regulators, agencies of state.
        "ECB", "BOJ", "BOE", "PBOC", "SEC", "FTC", "FDA", "EPA", "FBI", "CIA", "NSA", "FSB", "KGB", "NASA",
        "USDA", "CCC", "EEP", "IRS", "FAA", "NTSB", "DOJ", "DOD", "FCC", "FERC", "OPIC",
        // Markets and economics.
        "GDP", "GNP", "CPI", "PPI", "PMI", "IPO", "CEO", "CFO", "LNG", "LPG", "NYSE", "CBOT", "CME", "LME", "NYMEX",
        "COMEX", "FOB", "CIF", "VAT", "ETF", "AI",
        // News agencies and broadcasters.
        "AP", "AFP", "UPI", "TASS", "ANSA", "RIA", "BBC", "CNN",
        // Roman numerals in names ("World War II", "Pope John Paul II"); "I" and "V" are left to the word rules.
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII");

    /// <summary>True when <paramref name="word"/>, written in capitals, is one of the words that stay so.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
