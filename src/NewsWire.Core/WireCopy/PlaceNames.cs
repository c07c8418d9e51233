using System.Collections.Frozen;
using System.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Turns a dateline place into the spelling NewsWire stores and filters on. Agencies shout the place
/// ("TASHKENT", "МОСКВА"); the archive wants "Tashkent" so that a place filter sees one spelling whether
/// the story came as wire copy or as JSON.
/// </summary>
internal static class PlaceNames
{
    /// <summary>
    /// Small words that stay lower case inside a place name ("Rio de Janeiro", "Rostov-on-Don",
    /// "Frankfurt am Main", "Ростов-на-Дону"). The first word is always capitalized ("La Paz", "Des Moines").
    /// </summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.Ordinal,
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "en", "es",
        "am", "an", "im", "der", "of", "on", "upon", "sur", "na", "на");

    /// <summary>
    /// All-caps places become title case; a place that already has a lower-case letter was written by
    /// someone who meant its case ("McAllen", "Paris") and is kept as written.
    /// </summary>
    /// <remarks>
    /// Each comma-separated part is judged on its own: "HAMILTON, Bermuda" becomes "Hamilton, Bermuda".
    /// </remarks>
    public static string Normalize(string place) =>
        string.Join(", ", place.Split(", ").Select(NormalizePart));

    private static string NormalizePart(string place)
    {
        if (!place.Any(char.IsLetter) || place.Any(char.IsLower))
        {
            return place;
        }

        var lower = place.ToLowerInvariant();
        var result = new StringBuilder(lower.Length);
        var tokenStart = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            // Tokens are split at spaces and hyphens ("Yuzhno-Sakhalinsk"), keeping the separators.
            if (i < lower.Length && lower[i] is not (' ' or '-'))
            {
                continue;
            }

            var token = lower[tokenStart..i];
            result.Append(tokenStart > 0 && Particles.Contains(token) ? token : Capitalize(token));
            if (i < lower.Length)
            {
                result.Append(lower[i]);
            }

            tokenStart = i + 1;
        }

        return result.ToString();
    }

    /// <summary>
    /// Upper-cases the first letter and any letter after a dot, so "st." becomes "St." and "d.c." stays
    /// "D.C.". Letters after an apostrophe stay lower ("St. John's").
    /// </summary>
    private static string Capitalize(string token)
    {
        var chars = token.ToCharArray();
        var atStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (atStart && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
                atStart = false;
            }
            else if (chars[i] == '.')
            {
                atStart = true;
            }
        }

        return new string(chars);
    }
}
