using System.Text.RegularExpressions;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Recognises the byline between headline and dateline: "By Jane Doe", AP's "By JOHN SMITH Associated Press"
/// (or its two-line form, "By JOHN SMITH" over "AP Business Writer"). Taken as metadata so it is neither
/// the lead nor the opening paragraph.
/// </summary>
internal static partial class Bylines
{
    /// <summary>Bylines are short; a longer block starting "By" is a sentence.</summary>
    private const int MaxLength = 150;

    /// <summary>
    /// "By" (or "BY") and names: words starting with a capital, joined by commas and the particles of names
    /// and places ("and", "in", "de", "van", "al"). "By John Smith in London", "By MATTHEW LEE and ELLEN
    /// KNICKMEYER Associated Press". "By 2030, output will double." and "By Friday officials had…" fail: a
    /// digit, or a lower-case word that joins no names.
    /// </summary>
    public static bool IsByline(string block) => block.Length <= MaxLength && Byline().IsMatch(block);

    /// <summary>
    /// The desk line AP sets under the name when the byline has two lines: an agency and up to four capitalized
    /// words ("Associated Press", "AP Business Writer", "AP Chief Medical Writer", "Reuters").
    /// </summary>
    public static bool IsDesk(string block) => block.Length <= MaxLength && Desk().IsMatch(block);

    [GeneratedRegex(
        @"^(?:By|BY)[ ]\p{Lu}[\p{L}\p{M}'’.\-]*(?:,?[ ](?:\p{Lu}[\p{L}\p{M}'’.\-]*|and|&|in|of|for|the|de|da|del|di|du|van|von|der|den|le|la|al|bin|ibn)){0,14}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(
        @"^(?:The[ ])?(?:Associated[ ]Press|AP|Reuters|AFP|UPI|Xinhua|Kyodo[ ]News|dpa)(?:[ ]\p{Lu}[\p{L}\-]*){0,4}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Desk();
}
