using System.Text.RegularExpressions;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// The dateline shapes, as regular expressions, kept apart from <see cref="DatelineParser"/>'s checks so each
/// shape can be read on its own. Every pattern is anchored at the start of the paragraph and ends at a space
/// or the end, so "LONDON, March 2 -5%" is no dateline.
/// </summary>
internal static partial class DatelinePatterns
{
    // A place word: letters, with the dots, apostrophes, hyphens and slashes of "ST. JOHN'S", "YUZHNO-SAKHALINSK",
    // "DALLAS/FORT WORTH".
    private const string PlaceWord = @"[\p{L}\p{M}][\p{L}\p{M}'’.\-/]*";

    // The place named first: up to five words. It may start in lower case ("sioux falls" in 1987 crop reports);
    // the parser asks more of such a place when no agency vouches for the dateline (PlaceNames.IsPlaceShaped).
    private const string Head = @"\p{L}[\p{L}\p{M}'’.\-/]*(?:[ ]" + PlaceWord + "){0,4}";

    private const string CapitalHead = @"\p{Lu}[\p{L}\p{M}'’.\-/]*(?:[ ]" + PlaceWord + "){0,4}";

    // Up to two comma-separated qualifiers: "HAMILTON, Bermuda", "WASHINGTON, D.C.", "GRONINGEN, the Netherlands",
    // "GEORGETOWN, Grand Cayman, British West Indies". Senders' stray spaces around the comma are allowed.
    private const string Qualifier = @"[ ]?,[ ]?(?:the[ ])?" + CapitalHead;

    private const string Place = "(?<place>" + Head + "(?:" + Qualifier + "){0,2})";

    // Place then date: "LONDON, March 3", "PARIS,March 16", or Interfax's "MOSCOW. Sept 18" (a dot, one place).
    private const string PlaceAndDate = "(?:" + Place + "[ ]?,[ ]?|(?<place>" + CapitalHead + @")\.[ ])" + Date;

    // The date: "September 18", "Sept. 5", "2 March", "18 сентября", "SEP 18", optionally with a year ("March 2,
    // 2015", "2 March 2015"). The month is any word here and is checked against MonthNames afterwards.
    private const string Date =
        @"(?:(?<month>\p{L}{3,9}\.?)[ ](?<day>\d{1,2})|(?<day>\d{1,2})[ ](?<month>\p{L}{3,9}\.?))(?:,?[ ](?<year>\d{4}))?";

    private const string Dash = "(?:--|[-–—])";

    // How the agency is named after the date: TASS between slashes ("18. /TASS/."); most in parentheses and a
    // dash ("(Reuters) -", "(Xinhua) --"); old Kyodo copy bare ("Sept. 18 Kyodo --", taken only for a known
    // agency); Reuters in 1987 not at all ("Feb 26 -", the agency is in the closing "Reuter").
    private const string SlashAgency = @"\.?[ ]?/(?<agency>[^/ ][^/]{0,29})/\.?";
    private const string ParenAgency = @"[ ]?\((?<agency>[^()]{1,30})\)[ ]?" + Dash;
    private const string BareAgency = @"[ ](?<bare>\p{L}[\p{L}\-]{1,24})[ ]?" + Dash;
    private const string NoAgency = "[ ]?" + Dash;

    private const string End = "(?=[ ]|$)";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// <c>TASHKENT, September 18. /TASS/.</c>, <c>LONDON, March 3 (Reuters) -</c>, <c>PARIS, Nov 29, 2026 (AFP) -</c>,
    /// <c>BEIJING, Sept. 18 (Xinhua) --</c>, <c>MOSCOW. Sept 18 (Interfax) -</c>, <c>TOKYO, Sept. 18 Kyodo --</c>,
    /// <c>NEW YORK, Feb 26 -</c>.
    /// </summary>
    [GeneratedRegex("^" + PlaceAndDate + "(?:" + SlashAgency + "|" + ParenAgency + "|" + BareAgency + "|" + NoAgency + ")" + End, Options)]
    public static partial Regex Dated();

    /// <summary>
    /// Marks the 1987 wire set before a dateline: "****" (a priority flag) and "RPT --" (a repeated item).
    /// They are not part of the place, and the dateline after them is read as usual.
    /// </summary>
    [GeneratedRegex(@"^(?:\*{2,}|(?:RPT|REPEAT)[ ]?-{1,2})[ ]?", Options)]
    public static partial Regex WireMarker();

    /// <summary>ANSA puts the agency first: <c>(ANSA) - ROME, SEP 18 -</c>, <c>(ANSA) - ROMA, 18 SET -</c>.</summary>
    [GeneratedRegex(@"^\((?<agency>[^()]{1,30})\)[ ]?" + Dash + "[ ]" + PlaceAndDate + "[ ]?" + Dash + End, Options)]
    public static partial Regex AgencyFirst();

    /// <summary>
    /// No date at all: <c>WASHINGTON (AP) —</c>, <c>LONDON (Reuters) -</c>, <c>Berlin (dpa) -</c>. Taken only for a
    /// known agency (checked by the parser): "Smirnov (FSB) - said" is a sentence, not a dateline.
    /// </summary>
    [GeneratedRegex("^(?<place>" + CapitalHead + "(?:" + Qualifier + @"){0,2})[ ]?\((?<agency>[^()]{1,30})\)[ ]?" + Dash + End, Options)]
    public static partial Regex Dateless();
}
