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
    /// All-caps places become title case, and so do all-lower-case ones (1980s crop reports wrote "sioux
    /// falls"): a place name always starts with a capital. A place with both cases was written by someone
    /// who meant its case ("McAllen", "Paris", "the Netherlands") and is kept as written.
    /// </summary>
    /// <remarks>
    /// Each comma-separated part is judged on its own and trimmed: "HAMILTON, Bermuda" becomes "Hamilton,
    /// Bermuda", and "OAKLAND , N.J." becomes "Oakland, N.J." (one spelling, whatever the sender's spacing).
    /// <see cref="Acronyms"/> stay in capitals ("ABU DHABI, UAE").
    /// </remarks>
    public static string Normalize(string place) =>
        string.Join(", ", place.Split(',').Select(p => NormalizePart(p.Trim())).Where(p => p.Length > 0));

    /// <summary>
    /// Could this be a place rather than the start of a sentence? Its first letter is a capital ("NEW YORK",
    /// "New York", and the Latin American desk's "Mexico city" in 1987), or it has no capital at all ("sioux
    /// falls"). "c CHICAGO", a stray letter before the place, fails. This is a weak test on purpose: the
    /// dateline shape around it (start of an opening block, a real month and day, a dash) does most of the work.
    /// </summary>
    public static bool IsPlaceShaped(string place) =>
        place.Length > 0 && (char.IsUpper(place[0]) || !place.Any(char.IsUpper));

    private static string NormalizePart(string place)
    {
        var hasLetters = place.Any(char.IsLetter);
        if (!hasLetters || (place.Any(char.IsLower) && place.Any(char.IsUpper)))
        {
            return place;
        }

        var lower = place.ToLowerInvariant();
        var result = new StringBuilder(lower.Length);
        var tokenStart = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            // Tokens are split at spaces, hyphens ("Yuzhno-Sakhalinsk") and slashes ("Dallas/Fort Worth"),
            // keeping the separators.
            if (i < lower.Length && lower[i] is not (' ' or '-' or '/'))
            {
                continue;
            }

            var token = lower[tokenStart..i];
            var upper = token.ToUpperInvariant();
            result.Append(
                Acronyms.Contains(upper) ? upper
                : tokenStart > 0 && Particles.Contains(token) ? token
                : TitleCase.Capitalize(token));
            if (i < lower.Length)
            {
                result.Append(lower[i]);
            }

            tokenStart = i + 1;
        }

        return result.ToString();
    }
}
