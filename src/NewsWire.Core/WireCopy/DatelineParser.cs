using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Recognises the dateline that opens the first body paragraph of agency copy and takes it off.
/// Kept apart from <see cref="WireCopyParser"/> because every agency writes its own shape: supporting a
/// new one means a new pattern here (and month words in <see cref="MonthNames"/>), not a new parser.
/// </summary>
/// <remarks>
/// Shapes recognised today, each with the place first and a month and day:
/// <list type="bullet">
/// <item>TASS: <c>TASHKENT, September 18. /TASS/.</c> and <c>МОСКВА, 18 сентября. /ТАСС/.</c></item>
/// <item>Reuters, AP, AFP style: <c>LONDON, March 2 (Reuters) -</c>, <c>NEW YORK, Sept. 5, 2024 (AP) —</c>,
/// <c>PARIS, 2 March (AFP) –</c>.</item>
/// </list>
/// AP's dateless <c>WASHINGTON (AP) —</c> is deliberately not recognised: <see cref="Dateline"/> promises a
/// month and a day, and inventing them would give the story a false date. Such a paragraph keeps its
/// dateline in the text.
/// </remarks>
public static partial class DatelineParser
{
    /// <summary>Datelines are short; only this much of a paragraph is looked at, so a huge paragraph costs nothing.</summary>
    private const int MaxDatelineLength = 200;

    // The place: a capitalized word and up to four more ("ST. PETERSBURG", "RIO DE JANEIRO", "YUZHNO-SAKHALINSK"),
    // optionally followed by one comma-separated qualifier ("HAMILTON, Bermuda", "WASHINGTON, D.C.").
    private const string PlaceWord = @"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*";
    private const string PlaceName = @"\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ ]" + PlaceWord + "){0,4}";
    private const string Place = "(?<place>" + PlaceName + "(?:,[ ]" + PlaceName + ")?)";

    // The date: "September 18", "Sept. 5", "2 March", "18 сентября", optionally with a year ("March 2, 2015",
    // "2 March 2015"). The month is any word here and is checked against MonthNames afterwards.
    private const string Date =
        @"(?:(?<month>\p{L}{3,9}\.?)[ ](?<day>\d{1,2})|(?<day>\d{1,2})[ ](?<month>\p{L}{3,9}\.?))(?:,?[ ](?<year>\d{4}))?";

    // How the agency is named: TASS between slashes ("18. /TASS/."), everyone else in parentheses and a dash.
    private const string SlashAgency = @"\.?[ ]?/(?<agency>[^/ ][^/]{0,29})/\.?";
    private const string ParenAgency = @"[ ]?\((?<agency>[^()]{1,30})\)[ ]?(?:--|[-–—])";

    [GeneratedRegex("^" + Place + ",[ ]" + Date + "(?:" + SlashAgency + "|" + ParenAgency + ")(?=[ ]|$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatedDateline();

    /// <summary>
    /// Takes the dateline off the start of a paragraph. <paramref name="paragraph"/> should be one
    /// normalized line (single spaces), as <see cref="WireCopyParser"/> hands it over.
    /// </summary>
    /// <param name="paragraph">The first body paragraph, e.g. "TASHKENT, September 18. /TASS/. The Islamic State…".</param>
    /// <param name="dateline">What the dateline says; null when the paragraph does not open with one.</param>
    /// <param name="rest">The paragraph without its dateline ("The Islamic State…"), or the whole paragraph
    /// when there is no dateline. Empty when the dateline stood alone.</param>
    /// <returns>False also for a dateline-shaped opening whose date is impossible ("February 30"), so that
    /// nothing downstream has to cope with a date that does not exist.</returns>
    public static bool TryParse(string paragraph, [NotNullWhen(true)] out Dateline? dateline, out string rest)
    {
        dateline = null;
        rest = paragraph ?? "";
        var head = rest.Length > MaxDatelineLength ? rest[..MaxDatelineLength] : rest;
        var match = DatedDateline().Match(head);
        if (!match.Success
            || !MonthNames.TryGetMonth(match.Groups["month"].Value, out var month)
            || !int.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        int? year = match.Groups["year"].Success
            ? int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
        if (!IsRealDate(month, day, year))
        {
            return false;
        }

        dateline = new Dateline(
            match.Value,
            PlaceNames.Normalize(match.Groups["place"].Value),
            month,
            day,
            year,
            match.Groups["agency"].Value.Trim());
        rest = rest[match.Length..].Trim();
        return true;
    }

    /// <summary>
    /// True when the day exists in that month: in that year when the dateline has one, else in some year
    /// (February 29 is fine without a year; <see cref="DatelineDates"/> then finds a leap year).
    /// Years outside 1800..2999 are not taken as a date at all: NewsWire's archive does not reach further.
    /// </summary>
    private static bool IsRealDate(int month, int day, int? year)
    {
        if (year is < 1800 or > 2999)
        {
            return false;
        }

        const int AnyLeapYear = 2000;
        return day >= 1 && day <= DateTime.DaysInMonth(year ?? AnyLeapYear, month);
    }
}
