namespace NewsWire.Core.WireCopy;

/// <summary>A wire story taken apart: what the raw agency text says, with nothing guessed from outside it.</summary>
/// <param name="Section">The breadcrumb above the headline ("All news"), or null when the copy has none.</param>
/// <param name="Headline">The headline, whitespace normalized (Unicode spaces to one plain space, wrapped lines joined).
/// An all-capitals Latin headline is title-cased (<see cref="TitleCase"/>); any other is kept as written.</param>
/// <param name="Lead">The standfirst between headline and dateline (several blocks joined by a space), or null.</param>
/// <param name="Dateline">The dateline opening the first body paragraph, or null when the copy has none.</param>
/// <param name="Sections">The body: the first section usually has no heading; later ones carry their sub-heading.
/// The dateline is taken off the first paragraph; credits and sign-offs are taken off the end.</param>
/// <param name="Byline">The byline above the dateline as written ("By Jane Doe", "By JOHN SMITH Associated Press"),
/// or null. Metadata, not body text.</param>
/// <param name="Credits">The trailing credit lines as written, one per line separated by "\n"
/// ("(Reporting by …; Editing by …)", AFP's "str-abc/xyz"), or null. A lone sign-off word ("Reuter") is not a
/// credit: it is dropped, and only tells the agency when the dateline does not.</param>
public sealed record ParsedArticle(
    string? Section,
    string Headline,
    string? Lead,
    Dateline? Dateline,
    IReadOnlyList<ArticleSection> Sections,
    string? Byline = null,
    string? Credits = null)
{
    /// <summary>Every body paragraph in order, without sub-headings.</summary>
    public IEnumerable<string> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>A run of body paragraphs under one sub-heading (null for the opening run).</summary>
public sealed record ArticleSection(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>The dateline as the agency wrote it, and what it says.</summary>
/// <param name="Text">As written (spaces normalized), e.g. "TASHKENT, September 18. /TASS/." or "WASHINGTON (AP) —".</param>
/// <param name="Place">Title case when the agency wrote it in capitals ("TASHKENT" becomes "Tashkent"); as written otherwise.</param>
/// <param name="Month">1..12, or null for a dateline that carries no date (<c>WASHINGTON (AP) —</c>).</param>
/// <param name="Day">1..31, a day that exists in that month (and year, if given): the parser refuses "February 30".
/// Null exactly when <paramref name="Month"/> is.</param>
/// <param name="Year">Only when the dateline itself has one; most do not.</param>
/// <param name="Agency">The usual spelling ("Reuters", "AP", "TASS", see <see cref="AgencyNames"/>); from the closing
/// sign-off when the dateline names none ("NEW YORK, Feb 26 -" … "Reuter"); null when the text names none.</param>
public sealed record Dateline(string Text, string Place, int? Month, int? Day, int? Year, string? Agency);
