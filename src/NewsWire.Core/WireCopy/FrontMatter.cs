namespace NewsWire.Core.WireCopy;

/// <summary>
/// What stands above the body: the breadcrumb, which block is the headline, the byline, the lead, and where the
/// body starts.
/// </summary>
internal readonly record struct FrontMatter(string? Section, int HeadlineIndex, string? Lead, int BodyStart, string? Byline)
{
    /// <summary>
    /// With a dateline paragraph at <paramref name="datelineIndex"/> (at least 1), everything above it is front
    /// matter: an optional breadcrumb, the headline, then the byline and the lead in any order. Several lead
    /// blocks are one lead, joined with a space (NewsWire stores the lead as one line).
    /// </summary>
    public static FrontMatter BeforeDateline(IReadOnlyList<string> blocks, int datelineIndex)
    {
        // One block above the dateline is the headline, even if it is short: "Oil prices rise" is a headline.
        var headline = datelineIndex >= 2 && IsBreadcrumb(blocks[0], blocks[1]) ? 1 : 0;
        var (byline, lead) = BylineAndLead(blocks, headline + 1, datelineIndex);
        return new FrontMatter(headline == 1 ? blocks[0] : null, headline, lead, datelineIndex, byline);
    }

    /// <summary>
    /// Without a dateline there is no marker where the body begins. The first block (after a breadcrumb) is
    /// the headline, then a byline if there is one. The block after those is a lead only when it looks like a
    /// TASS lead: one sentence, no final full stop, and shorter than the paragraph after it. Otherwise there is
    /// no lead: the usual first paragraph of a story is also one short sentence, but it ends with a full stop,
    /// and taking the story's opening paragraph for a lead would hide it from the body; missing a lead only
    /// leaves it in the body.
    /// </summary>
    public static FrontMatter WithoutDateline(IReadOnlyList<string> blocks)
    {
        // A breadcrumb needs a headline and a body below it.
        var section = blocks.Count >= 3 && IsBreadcrumb(blocks[0], blocks[1]) ? blocks[0] : null;
        var headline = section is null ? 0 : 1;
        var candidate = headline + 1;
        var bylineEnd = candidate;
        while (bylineEnd + 1 < blocks.Count && IsBylinePart(blocks, bylineEnd, candidate))
        {
            bylineEnd++;
        }

        var byline = bylineEnd > candidate ? string.Join(' ', blocks.Skip(candidate).Take(bylineEnd - candidate)) : null;
        if (bylineEnd + 1 < blocks.Count && IsLead(blocks[bylineEnd], blocks[bylineEnd + 1]))
        {
            return new FrontMatter(section, headline, blocks[bylineEnd], bylineEnd + 1, byline);
        }

        return new FrontMatter(section, headline, null, bylineEnd, byline);
    }

    /// <summary>
    /// The first block is a breadcrumb when it has breadcrumb separators, or when it is a short label and the
    /// next block can be a headline: longer than the label, not ending like a sentence, and not a byline. That
    /// tells "All news" above "Russian Security Service: …" (a breadcrumb) from "Oil prices rise" above
    /// "Brent rose on supply cuts." (a headline above a lead) or above "By Jane Doe". It cannot tell a three-word
    /// headline above an unpunctuated lead from a breadcrumb above a headline; it takes the breadcrumb, as TASS
    /// copy, the copy this was designed on, has one.
    /// </summary>
    private static bool IsBreadcrumb(string first, string next) =>
        WireCopyBlocks.HasBreadcrumbSeparators(first)
        || (WireCopyBlocks.IsShortLabel(first) && !WireCopyBlocks.EndsLikeSentence(next) && first.Length < next.Length
            && !Bylines.IsByline(next));

    /// <summary>Blocks from <paramref name="start"/> to <paramref name="end"/>: byline blocks apart, the rest the lead.</summary>
    private static (string? Byline, string? Lead) BylineAndLead(IReadOnlyList<string> blocks, int start, int end)
    {
        var byline = new List<string>();
        var lead = new List<string>();
        for (var i = start; i < end; i++)
        {
            (IsBylinePart(blocks, i, start) ? byline : lead).Add(blocks[i]);
        }

        return (byline.Count > 0 ? string.Join(' ', byline) : null, lead.Count > 0 ? string.Join(' ', lead) : null);
    }

    /// <summary>A byline, or AP's desk line right under one ("By JOHN SMITH", then "AP Business Writer").</summary>
    private static bool IsBylinePart(IReadOnlyList<string> blocks, int index, int start) =>
        Bylines.IsByline(blocks[index]) || (index > start && Bylines.IsByline(blocks[index - 1]) && Bylines.IsDesk(blocks[index]));

    private static bool IsLead(string candidate, string next) =>
        !WireCopyBlocks.EndsLikeSentence(candidate)
        && WireCopyBlocks.IsSingleSentence(candidate)
        && candidate.Length < next.Length;
}
