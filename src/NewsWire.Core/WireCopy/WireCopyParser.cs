using System.Globalization;
using NewsWire.Core.Text;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Turns raw agency copy into a <see cref="ParsedArticle"/>. The copy is a sequence of blocks separated by blank
/// lines: an optional section breadcrumb, the headline, an optional lead, the dateline paragraph, then body
/// paragraphs with short sub-headings between them (see the TASS sample in Seed/), then credits and a sign-off.
/// Nothing is guessed from outside the text; what the text lacks (source, date) the caller adds.
/// </summary>
public static class WireCopyParser
{
    /// <summary>Longest wire copy taken, in characters (UTF-16 code units). Long reports run to some 50,000.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>A longer first block is body text without a headline, not a headline.</summary>
    public const int MaxHeadlineLength = 500;

    /// <summary>
    /// The dateline is looked for in the first blocks only: breadcrumb, headline and up to three lead blocks.
    /// Further down, a paragraph that happens to start "LONDON, March 2 (Reuters) -" is a quoted dispatch.
    /// </summary>
    private const int DatelineSearchBlocks = 5;

    /// <summary>The error key, as in a validation problem: the text as a whole is the request body.</summary>
    private const string Key = "body";

    /// <summary>
    /// Parses raw wire copy. Never throws: text that is not an article gives a failure under the key "body" whose
    /// message says what is wrong (empty, binary, over <see cref="MaxLength"/>, no headline, no body).
    /// </summary>
    /// <remarks>
    /// Lines are read by <see cref="WireCopyLines"/>; credits and sign-offs are taken off the end by
    /// <see cref="WireCopyTrailer"/>; blocks are found by <see cref="WireCopyBlocks.Group"/>; the dateline by
    /// <see cref="DatelineParser"/> in the first few blocks; what stands above it (breadcrumb, headline, byline,
    /// lead) by <see cref="FrontMatter"/>; sub-headings by <see cref="WireCopyBlocks.IsSubHeading"/>; an all-capitals
    /// headline is title-cased by <see cref="TitleCase"/>. Each of those documents its heuristic.
    /// </remarks>
    public static WireCopyResult Parse(string text)
    {
        text ??= "";
        if (text.Length > MaxLength)
        {
            return Fail($"The wire copy is {Number(text.Length)} characters; the limit is {Number(MaxLength)}.");
        }

        if (PlainText.IndexOfControlCharacter(text) is var index and >= 0)
        {
            var character = text[index];
            var what = character == '\uFFFD' ? "U+FFFD (left by invalid UTF-8)" : $"the control character U+{(int)character:X4}";
            return Fail($"The wire copy looks like binary data, not text: it contains {what} at character {Number(index + 1)}.");
        }

        var lines = WireCopyLines.Read(text);
        var (credits, signedBy) = WireCopyTrailer.Take(lines);
        var blocks = WireCopyBlocks.Group(lines);
        if (blocks.Count == 0)
        {
            return Fail("The wire copy is empty.");
        }

        var (datelineIndex, dateline, datelineRest) = FindDateline(blocks);
        if (datelineIndex == 0)
        {
            return Fail($"The wire copy has no headline: it starts with the dateline paragraph ('{dateline!.Text}'). " +
                "Put the headline first, followed by a blank line.");
        }

        var front = dateline is null ? FrontMatter.WithoutDateline(blocks) : FrontMatter.BeforeDateline(blocks, datelineIndex);
        var headline = blocks[front.HeadlineIndex];
        if (headline.Length > MaxHeadlineLength)
        {
            return Fail($"The wire copy has no headline: the block where the headline belongs is {Number(headline.Length)} " +
                $"characters, and a headline is at most {Number(MaxHeadlineLength)}, so this is probably body text. " +
                "Put the headline on its own line, followed by a blank line.");
        }

        var sections = dateline is null
            ? BuildSections(null, blocks, front.BodyStart)
            : BuildSections(datelineRest, blocks, datelineIndex + 1);
        if (sections.Count == 0)
        {
            return Fail("The wire copy has a headline but no body: the story's paragraphs should follow the headline " +
                "(and the lead and dateline, if any), separated by blank lines.");
        }

        // 1987 Reuters copy names its agency only in the closing "Reuter"; a dateline that names one wins.
        if (dateline is { Agency: null } && signedBy is not null)
        {
            dateline = dateline with { Agency = signedBy };
        }

        return WireCopyResult.Success(new ParsedArticle(
            front.Section, TitleCase.Headline(headline), front.Lead, dateline, sections, front.Byline, credits));
    }

    /// <summary>The first of the opening blocks that starts with a dateline; index -1 when none does.</summary>
    private static (int Index, Dateline? Dateline, string Remainder) FindDateline(List<string> blocks)
    {
        for (var i = 0; i < Math.Min(blocks.Count, DatelineSearchBlocks); i++)
        {
            // A dateline that names no agency ("NEW YORK, Feb 26 -") has only its shape to go by; in the first
            // block that shape is more likely a headline ("U.S. ANALYSTS, March 3 - POLL") than copy without one.
            if (DatelineParser.TryParse(blocks[i], out var dateline, out var rest) && (i > 0 || dateline.Agency is not null))
            {
                return (i, dateline, rest);
            }
        }

        return (-1, null, "");
    }

    /// <summary>
    /// Groups the body into sections. <paramref name="firstParagraph"/> (what follows the dateline) is always a
    /// paragraph, never a heading; the blocks from <paramref name="start"/> on are paragraphs or sub-headings
    /// as <see cref="WireCopyBlocks.IsSubHeading"/> decides. A heading opens a new section; the opening section
    /// has no heading unless the body starts with one.
    /// </summary>
    private static List<ArticleSection> BuildSections(string? firstParagraph, List<string> blocks, int start)
    {
        var sections = new List<ArticleSection>();
        string? heading = null;
        var paragraphs = new List<string>();
        if (!string.IsNullOrEmpty(firstParagraph))
        {
            paragraphs.Add(firstParagraph);
        }

        for (var i = start; i < blocks.Count; i++)
        {
            if (WireCopyBlocks.IsSubHeading(blocks, i))
            {
                Flush();
                heading = blocks[i];
            }
            else
            {
                paragraphs.Add(blocks[i]);
            }
        }

        Flush();
        return sections;

        void Flush()
        {
            // A heading is always followed by a paragraph, so an empty run only happens before the first heading.
            if (paragraphs.Count > 0)
            {
                sections.Add(new ArticleSection(heading, [.. paragraphs]));
                paragraphs.Clear();
            }
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static WireCopyResult Fail(string message) => WireCopyResult.Failure(Key, message);
}
