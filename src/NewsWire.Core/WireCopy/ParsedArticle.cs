namespace NewsWire.Core.WireCopy;

/// <summary>A wire story taken apart: what the raw agency text says, with nothing guessed from outside it.</summary>
/// <param name="Section">The breadcrumb above the headline ("All news"), or null when the copy has none.</param>
/// <param name="Headline">The headline, whitespace normalized (Unicode spaces to one plain space, wrapped lines joined).</param>
/// <param name="Lead">The standfirst between headline and dateline (several blocks joined by a space), or null.</param>
/// <param name="Dateline">The dateline opening the first body paragraph, or null when the copy has none.</param>
/// <param name="Sections">The body: the first section usually has no heading; later ones carry their sub-heading.
/// The dateline is taken off the first paragraph.</param>
public sealed record ParsedArticle(
    string? Section,
    string Headline,
    string? Lead,
    Dateline? Dateline,
    IReadOnlyList<ArticleSection> Sections)
{
    /// <summary>Every body paragraph in order, without sub-headings.</summary>
    public IEnumerable<string> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>A run of body paragraphs under one sub-heading (null for the opening run).</summary>
public sealed record ArticleSection(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>The dateline as the agency wrote it, and what it says.</summary>
/// <param name="Text">As written (spaces normalized), e.g. "TASHKENT, September 18. /TASS/."</param>
/// <param name="Place">Title case when the agency wrote it in capitals ("TASHKENT" becomes "Tashkent"); as written otherwise.</param>
/// <param name="Month">1..12</param>
/// <param name="Day">1..31, a day that exists in that month (and year, if given): the parser refuses "February 30".</param>
/// <param name="Year">Only when the dateline itself has one; most do not.</param>
/// <param name="Agency">e.g. "TASS", or null when the dateline names none.</param>
public sealed record Dateline(string Text, string Place, int Month, int Day, int? Year, string? Agency);
