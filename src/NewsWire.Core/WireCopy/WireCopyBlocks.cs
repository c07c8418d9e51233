using System.Text.RegularExpressions;
using NewsWire.Core.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Cuts wire copy into blocks and answers questions about a block's shape. Every structural decision of the
/// parser (breadcrumb, lead, sub-heading) rests on these few shape tests, so they live together.
/// </summary>
internal static partial class WireCopyBlocks
{
    /// <summary>Longest block taken for a sub-heading. The sample's are 36 to 49 characters; paragraphs run far longer.</summary>
    public const int MaxSubHeadingLength = 100;

    /// <summary>A plain-word breadcrumb ("All news", "World", "Science &amp; Space") is at most this many words.</summary>
    public const int MaxBreadcrumbWords = 4;

    public const int MaxBreadcrumbLength = 40;

    /// <summary>A breadcrumb with explicit separators ("World > Europe > Russia") may run longer.</summary>
    public const int MaxSeparatedBreadcrumbLength = 120;

    private static readonly string[] BreadcrumbSeparators = [" > ", " / ", " » ", " › ", " | "];

    /// <summary>
    /// Blocks are runs of non-blank lines; any number of blank lines (or lines of only spaces, tabs, no-break
    /// spaces) end one. Each line is normalized (Unicode spaces to one plain space, trimmed, byte-order marks
    /// dropped) and the lines of one block, wrapped by the sender, are joined with a single space.
    /// Line endings may be LF, CRLF or a lone CR. Indentation does not start a paragraph here (unlike
    /// <see cref="PlainText.SplitParagraphs"/>): wire copy separates blocks by blank lines, and indented
    /// copy with wrapped lines would otherwise fall apart line by line.
    /// </summary>
    public static List<string> Split(string text)
    {
        var blocks = new List<string>();
        var lines = new List<string>();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = PlainText.NormalizeLine(rawLine.ToString());
            if (line.Length > 0)
            {
                lines.Add(line);
                continue;
            }

            Flush();
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (lines.Count > 0)
            {
                blocks.Add(string.Join(' ', lines));
                lines.Clear();
            }
        }
    }

    /// <summary>
    /// True when the block ends the way a sentence does: . ! ? … and also : or ; (a paragraph introducing a
    /// quote). Closing quotes and brackets after the mark are looked through: <c>…he said."</c> ends a sentence.
    /// Headings, breadcrumbs and TASS leads do not end like this; body paragraphs do.
    /// </summary>
    public static bool EndsLikeSentence(string block)
    {
        var end = block.AsSpan().TrimEnd("\"'”’»)]");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or ':' or ';';
    }

    /// <summary>
    /// Could this block be a sub-heading? Short (at most <see cref="MaxSubHeadingLength"/> characters), no
    /// sentence-final punctuation, starting with a letter, digit or opening quote (a block in brackets such as
    /// "(Reporting by …)" is a note, not a heading). Whether it is one also depends on what follows: see
    /// <see cref="IsSubHeading"/>.
    /// </summary>
    public static bool HasSubHeadingShape(string block) =>
        block.Length <= MaxSubHeadingLength
        && !EndsLikeSentence(block)
        && (char.IsLetterOrDigit(block[0]) || block[0] is '"' or '“' or '«' or '\'' or '‘')
        && block.Any(char.IsLetter);

    /// <summary>
    /// A sub-heading is a block of sub-heading shape followed by a paragraph (a block that is not itself of
    /// that shape). So a short unpunctuated block at the very end ("ENDS", a sign-off) stays a paragraph, and
    /// of two heading-shaped blocks in a row only the second heads the section; the first is kept as text.
    /// </summary>
    public static bool IsSubHeading(IReadOnlyList<string> blocks, int index) =>
        HasSubHeadingShape(blocks[index])
        && index + 1 < blocks.Count
        && !HasSubHeadingShape(blocks[index + 1]);

    /// <summary>A block with breadcrumb separators ("World > Europe > Russia", "News / Economy"): a breadcrumb wherever it stands.</summary>
    public static bool HasBreadcrumbSeparators(string block) =>
        block.Length <= MaxSeparatedBreadcrumbLength
        && !EndsLikeSentence(block)
        && BreadcrumbSeparators.Any(s => block.Contains(s, StringComparison.Ordinal));

    /// <summary>
    /// A few plain words without final punctuation ("All news", "Economy", "Science &amp; Space"). That is also the
    /// shape of a short headline ("Oil prices rise"), so the parser asks more before calling it a breadcrumb.
    /// </summary>
    public static bool IsShortLabel(string block) =>
        block.Length <= MaxBreadcrumbLength
        && WordCount(block) <= MaxBreadcrumbWords
        && !EndsLikeSentence(block)
        && block.Any(char.IsLetter);

    /// <summary>
    /// One sentence: no sentence-final mark followed by a space and a capital letter inside the block.
    /// Abbreviations ("U.S. President") count as a break; that only makes the lead test more cautious.
    /// </summary>
    public static bool IsSingleSentence(string block) => !SentenceBreak().IsMatch(block);

    private static int WordCount(string block) => block.Count(c => c == ' ') + 1;

    [GeneratedRegex(@"[.!?…][""'”’»)]*[ ][""“‘«(]?\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}
