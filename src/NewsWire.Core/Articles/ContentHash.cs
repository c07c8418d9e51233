using System.Security.Cryptography;
using System.Text;

namespace NewsWire.Core.Articles;

/// <summary>
/// The identity of a story for exact-duplicate detection: the same source, headline and body compared
/// without regard to case, spacing or paragraph breaks. Re-sent copy differing only in those is the same story.
/// </summary>
public static class ContentHash
{
    public static string Compute(string? source, string headline, IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        text.Append(Normalize(source ?? "")).Append('\n').Append(Normalize(headline)).Append('\n');
        foreach (var paragraph in paragraphs)
        {
            text.Append(Normalize(paragraph)).Append(' ');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString().TrimEnd())));
    }

    private static string Normalize(string text) => Text.PlainText.NormalizeLine(text).ToLowerInvariant();
}
