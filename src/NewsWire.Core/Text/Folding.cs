using System.Globalization;
using System.Text;

namespace NewsWire.Core.Text;

/// <summary>
/// Text compared without regard to case or diacritics, as search compares it (FTS5's unicode61 with
/// remove_diacritics): Zürich, ZURICH and zurich fold alike, and so do Ёлка and елка. Letters that are not
/// a base letter plus a mark (ß, ł, ø) stay as they are, as they do in the index.
/// </summary>
public static class Folding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = WellFormed(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Normalization throws on a lone surrogate; it becomes U+FFFD, as UTF-8 would make it.</summary>
    private static string WellFormed(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                (chars ??= text.ToCharArray())[i] = '\uFFFD';
            }
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>Whether folded text starts with a folded prefix (both from <see cref="Fold"/>).</summary>
    public static bool StartsWithFolded(string foldedText, string foldedPrefix) =>
        foldedText.StartsWith(foldedPrefix, StringComparison.Ordinal);
}
