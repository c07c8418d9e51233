using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Recognises the dateline that opens the first body paragraph of agency copy and takes it off.
/// Kept apart from <see cref="WireCopyParser"/> because every agency writes its own shape: supporting a
/// new one means a new pattern in <see cref="DatelinePatterns"/> (and month words in <see cref="MonthNames"/>),
/// not a new parser.
/// </summary>
/// <remarks>
/// Shapes recognised, each agency detected from the text and named by <see cref="AgencyNames"/>:
/// <list type="bullet">
/// <item>TASS: <c>TASHKENT, September 18. /TASS/.</c> and <c>МОСКВА, 18 сентября. /ТАСС/.</c></item>
/// <item>Reuters: <c>LONDON, March 3 (Reuters) -</c>, <c>LONDON (Reuters) -</c>, and 1987's <c>NEW YORK, Feb 26 -</c>
/// (its agency comes from the closing "Reuter", see <see cref="WireCopyTrailer"/>).</item>
/// <item>AP <c>WASHINGTON (AP) —</c>, AFP <c>PARIS, Nov 29, 2026 (AFP) -</c>, Xinhua <c>BEIJING, Sept. 18 (Xinhua) --</c>,
/// Interfax <c>MOSCOW. Sept 18 (Interfax) -</c>, UPI <c>WASHINGTON, Sept. 18 (UPI) --</c>, dpa <c>Berlin (dpa) -</c>,
/// ANSA <c>(ANSA) - ROME, SEP 18 -</c>, Kyodo <c>TOKYO, Sept. 18 Kyodo --</c>, and any <c>PLACE, DATE (AGENCY) -</c>.</item>
/// </list>
/// A dateline without a date has no month or day (<see cref="Dateline.Month"/> is null); nothing is invented.
/// </remarks>
public static class DatelineParser
{
    /// <summary>Datelines are short; only this much of a paragraph is looked at, so a huge paragraph costs nothing.</summary>
    private const int MaxDatelineLength = 200;

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
        rest = paragraph ?? "";
        var head = rest.Length > MaxDatelineLength ? rest[..MaxDatelineLength] : rest;
        var marker = DatelinePatterns.WireMarker().Match(head).Length;
        head = head[marker..];
        dateline = Dated(DatelinePatterns.Dated().Match(head))
            ?? Dated(DatelinePatterns.AgencyFirst().Match(head))
            ?? Dateless(DatelinePatterns.Dateless().Match(head));
        if (dateline is null)
        {
            return false;
        }

        // The marker is part of the dateline as written, not of its place.
        dateline = dateline with { Text = rest[..(marker + dateline.Text.Length)] };
        rest = rest[dateline.Text.Length..].Trim();
        return true;
    }

    private static Dateline? Dated(Match match)
    {
        if (!match.Success
            || !MonthNames.TryGetMonth(match.Groups["month"].Value, out var month)
            || !int.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }

        int? year = match.Groups["year"].Success
            ? int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
        var place = match.Groups["place"].Value;
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value : null;
        var bare = match.Groups["bare"];

        // Without an agency in slashes or parentheses the shape alone vouches for the dateline, so the place must
        // look like one ("Oil rose, March 2 - …" is a sentence), and a bare word before the dash must be an agency.
        if (agency is null && (!PlaceNames.IsPlaceShaped(place) || (bare.Success && !AgencyNames.IsKnown(bare.Value))))
        {
            return null;
        }

        if (!IsRealDate(month, day, year))
        {
            return null;
        }

        agency ??= bare.Success ? bare.Value : null;
        return new Dateline(match.Value, PlaceNames.Normalize(place), month, day, year,
            agency is null ? null : AgencyNames.Normalize(agency));
    }

    private static Dateline? Dateless(Match match)
    {
        if (!match.Success || !AgencyNames.IsKnownService(match.Groups["agency"].Value))
        {
            return null;
        }

        return new Dateline(match.Value, PlaceNames.Normalize(match.Groups["place"].Value), null, null, null,
            AgencyNames.Normalize(match.Groups["agency"].Value));
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
