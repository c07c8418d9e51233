namespace NewsWire.Core.WireCopy;

/// <summary>
/// Gives a story its publication date. Most datelines say only "September 18": the year is whatever
/// makes that day the most recent one that has already happened, because wire copy is filed on the day.
/// </summary>
public static class DatelineDates
{
    /// <summary>
    /// The publication date as a UTC <see cref="DateTime"/> at 00:00. In order of trust: the explicit
    /// <paramref name="publishedAt"/> (its UTC date); the dateline's own year; else the latest date with
    /// the dateline's month and day that is not after <paramref name="utcNow"/>'s date. February 29
    /// without a year goes back to the latest leap year. A dateline without a date (<c>WASHINGTON (AP) —</c>)
    /// is copy filed today: <paramref name="utcNow"/>'s date.
    /// </summary>
    /// <remarks>
    /// Never throws. <see cref="DatelineParser"/> refuses impossible dates, but a <see cref="Dateline"/> can be
    /// built by hand, so out-of-range values are clamped: month into 1..12, day into 1..the longest that
    /// month ever is (February 30 becomes February 29), and a day that the dateline's year lacks to the
    /// month's last day in that year. <see cref="DateTimeKind.Unspecified"/> inputs are taken as UTC.
    /// </remarks>
    public static DateTime Resolve(Dateline dateline, DateTime? publishedAt, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(dateline);
        if (publishedAt is { } published)
        {
            return Midnight(AsUtc(published));
        }

        var today = Midnight(AsUtc(utcNow));
        if (dateline.Month is not { } datelineMonth || dateline.Day is not { } datelineDay)
        {
            return today;
        }

        var month = Math.Clamp(datelineMonth, 1, 12);
        var day = Math.Clamp(datelineDay, 1, DateTime.DaysInMonth(2000, month)); // 2000 is a leap year

        if (dateline.Year is >= 1 and <= 9999 and var year)
        {
            return Utc(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        }

        // Leap years are at most eight years apart (1896 to 1904), so eight years back always finds
        // February 29; every other day is found this year or last year.
        for (var candidateYear = today.Year; candidateYear >= Math.Max(1, today.Year - 8); candidateYear--)
        {
            if (day <= DateTime.DaysInMonth(candidateYear, month))
            {
                var candidate = Utc(candidateYear, month, day);
                if (candidate <= today)
                {
                    return candidate;
                }
            }
        }

        // Only reachable for a "now" in the first years of the calendar: nothing earlier exists, so today.
        return today;
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private static DateTime Midnight(DateTime utc) => DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc);

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);
}
