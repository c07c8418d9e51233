using System.Text.RegularExpressions;

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

    /// <summary>How much deeper than the rest of its block a line must be indented to start a paragraph.</summary>
    public const int ParagraphIndent = 4;

    /// <summary>
    /// Blocks are runs of non-blank lines (see <see cref="WireCopyLines"/>); any number of blank lines end one.
    /// The lines of one block, wrapped by the sender, are joined with a single space. Inside a run, a line
    /// indented at least <see cref="ParagraphIndent"/> columns deeper than the run's least indented line also
    /// starts a block: that is how 1980s Reuters copy marks paragraphs, with no blank line between them.
    /// </summary>
    /// <remarks>
    /// The indentation is measured against the run's own shallowest line, not against the margin, because
    /// copy that is indented as a whole (every line padded by a mail client or a quoting tool) must not fall
    /// apart line by line; only a line that stands out from its neighbours opens a paragraph. The price: an
    /// indented quotation inside a paragraph splits into its lines, which wire copy hardly ever has.
    /// </remarks>
    public static List<string> Group(IReadOnlyList<WireLine> lines)
    {
        var blocks = new List<string>();
        var run = new List<WireLine>();
        foreach (var line in lines)
        {
            if (!line.IsBlank)
            {
                run.Add(line);
                continue;
            }

            Flush();
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var margin = run.Min(l => l.Indent);
            var start = 0;
            for (var i = 1; i <= run.Count; i++)
            {
                if (i == run.Count || run[i].Indent >= margin + ParagraphIndent)
                {
                    blocks.Add(string.Join(' ', run.Skip(start).Take(i - start).Select(l => l.Text)));
                    start = i;
                }
            }

            run.Clear();
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
