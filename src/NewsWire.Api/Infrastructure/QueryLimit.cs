using System.Globalization;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Infrastructure;

/// <summary>A <c>limit</c> query parameter: a whole number in 1..max, its default when absent.</summary>
public static class QueryLimit
{
    public static int Parse(string? value, int defaultLimit, int maxLimit, IDictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return defaultLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= maxLimit)
        {
            return limit;
        }

        errors["limit"] = [$"'{ArticleDrafts.Truncated(value)}' is not a limit; use a whole number from 1 to {maxLimit}."];
        return defaultLimit;
    }
}
