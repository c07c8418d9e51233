using System.Globalization;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// The two time forms clients may send: an ISO 8601 date-time (offset optional, UTC assumed) or a bare
/// ISO date. Anything looser (09/18/2015, "yesterday") is refused rather than guessed at.
/// </summary>
public static class IsoDate
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
    ];

    public const string Expected = "an ISO 8601 date (2015-09-18) or date-time (2015-09-18T14:30:00Z)";

    /// <summary>Parses to UTC. <paramref name="isDateOnly"/> tells a caller that a whole day was meant.</summary>
    public static bool TryParse(string? text, out DateTime utc, out bool isDateOnly)
    {
        utc = default;
        isDateOnly = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            utc = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            isDateOnly = true;
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var moment))
        {
            utc = moment.UtcDateTime;
            return true;
        }

        return false;
    }
}
