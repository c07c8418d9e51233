namespace NewsWire.Core.WireCopy;

/// <summary>What stands above the body: the breadcrumb, which block is the headline, the lead, and where the body starts.</summary>
internal readonly record struct FrontMatter(string? Section, int HeadlineIndex, string? Lead, int BodyStart)
{
    /// <summary>
    /// With a dateline paragraph at <paramref name="datelineIndex"/> (at least 1), everything above it is front
    /// matter: an optional breadcrumb, the headline, then the lead. Several blocks between headline and dateline
    /// are one lead, joined with a space (NewsWire stores the lead as one line).
    /// </summary>
    public static FrontMatter BeforeDateline(IReadOnlyList<string> blocks, int datelineIndex)
    {
        // One block above the dateline is the headline, even if it is short: "Oil prices rise" is a headline.
        if (datelineIndex >= 2 && IsBreadcrumb(blocks[0], blocks[1]))
        {
            return new FrontMatter(blocks[0], 1, JoinLead(blocks, 2, datelineIndex), datelineIndex);
        }

        return new FrontMatter(null, 0, JoinLead(blocks, 1, datelineIndex), datelineIndex);
    }

    /// <summary>
    /// Without a dateline there is no marker where the body begins. The first block (after a breadcrumb) is
    /// the headline. The block after it is a lead only when it looks like a TASS lead: one sentence, no final
    /// full stop, and shorter than the paragraph after it. Otherwise there is no lead: the usual first
    /// paragraph of a story is also one short sentence, but it ends with a full stop, and taking the story's
    /// opening paragraph for a lead would hide it from the body; missing a lead only leaves it in the body.
    /// </summary>
    public static FrontMatter WithoutDateline(IReadOnlyList<string> blocks)
    {
        // A breadcrumb needs a headline and a body below it.
        var section = blocks.Count >= 3 && IsBreadcrumb(blocks[0], blocks[1]) ? blocks[0] : null;
        var headline = section is null ? 0 : 1;
        var candidate = headline + 1;
        if (candidate + 1 < blocks.Count && IsLead(blocks[candidate], blocks[candidate + 1]))
        {
            return new FrontMatter(section, headline, blocks[candidate], candidate + 1);
        }

        return new FrontMatter(section, headline, null, headline + 1);
    }

    /// <summary>
    /// The first block is a breadcrumb when it has breadcrumb separators, or when it is a short label and the
    /// next block can be a headline: longer than the label and not ending like a sentence. That tells
    /// "All news" above "Russian Security Service: …" (a breadcrumb) from "Oil prices rise" above
    /// "Brent rose on supply cuts." (a headline above a lead). It cannot tell a three-word headline above an
    /// unpunctuated lead from a breadcrumb above a headline; it takes the breadcrumb, as TASS copy, the copy this
    /// was designed on, has one.
    /// </summary>
    private static bool IsBreadcrumb(string first, string next) =>
        WireCopyBlocks.HasBreadcrumbSeparators(first)
        || (WireCopyBlocks.IsShortLabel(first) && !WireCopyBlocks.EndsLikeSentence(next) && first.Length < next.Length);

    private static bool IsLead(string candidate, string next) =>
        !WireCopyBlocks.EndsLikeSentence(candidate)
        && WireCopyBlocks.IsSingleSentence(candidate)
        && candidate.Length < next.Length;

    private static string? JoinLead(IReadOnlyList<string> blocks, int start, int end) =>
        end > start ? string.Join(' ', blocks.Skip(start).Take(end - start)) : null;
}
