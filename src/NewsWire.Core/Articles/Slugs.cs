using System.Globalization;
using System.Text;

namespace NewsWire.Core.Articles;

/// <summary>
/// URL slugs from headlines: lower-case ASCII words joined by hyphens. Diacritics are dropped (Zürich →
/// zurich), and Cyrillic and the Latin letters without a decomposition (ß, æ, ø) are transliterated, so a slug is readable and typeable in curl. A slug always holds
/// a letter, so it can never be mistaken for a numeric id.
/// </summary>
public static class Slugs
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    };

    /// <summary>Latin letters that no decomposition takes to ASCII (ß is not s plus a mark).</summary>
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
    };

    public static string FromHeadline(string headline, int maxLength)
    {
        var builder = new StringBuilder();
        var hyphen = false;
        // Decomposed before lower-casing, so that İ is I and a dot (then i), and compatibility forms first: ﬁ is f i.
        foreach (var c in headline.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            string? piece = c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => "",
                _ when Cyrillic.TryGetValue(c, out var latin) || Latin.TryGetValue(c, out latin) => latin,
                '\'' or '’' => "", // Russia's → russias, not russia-s
                _ => null,
            };

            if (piece is null)
            {
                hyphen = builder.Length > 0;
                continue;
            }

            if (piece.Length == 0)
            {
                continue;
            }

            if (hyphen)
            {
                builder.Append('-');
                hyphen = false;
            }

            builder.Append(piece);
        }

        var slug = Truncate(builder.ToString(), maxLength);
        return slug.Any(char.IsAsciiLetter) ? slug : Truncate($"article-{slug}".TrimEnd('-'), maxLength);
    }

    /// <summary>Cuts at a word boundary so a slug never ends in half a word.</summary>
    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', maxLength);
        return cut > 0 ? slug[..cut] : slug[..maxLength];
    }
}
