using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// The TASS sample as senders mangle it. Each variant is made from the sample by a string replacement, so the
/// expected article is the sample's own parse, with only the fields the variant removes changed.
/// </summary>
public sealed class OddInputTests
{
    private const string Breadcrumb = "All news";
    private const string Lead = "The officer said the flow of refugees will only grow as Islamic State is seizing new territories";
    private const string DatelineText = "TASHKENT, September 18. /TASS/.";

    private static readonly ParsedArticle Expected = Articles.Parse(Stories.Tass);

    /// <summary>Variants that change only how the text is written, never what it says.</summary>
    private static readonly Dictionary<string, Func<string, string>> SameArticle = new()
    {
        ["CRLF line endings"] = t => t.Replace("\n", "\r\n", StringComparison.Ordinal),
        ["lone CR line endings"] = t => t.Replace("\n", "\r", StringComparison.Ordinal),
        ["a byte-order mark"] = t => "\uFEFF" + t,
        ["a byte-order mark and CRLF"] = t => "\uFEFF" + t.Replace("\n", "\r\n", StringComparison.Ordinal),
        ["several blank lines between blocks"] = t => t.Replace("\n\n", "\n\n\n\n", StringComparison.Ordinal),
        ["blank lines before and after"] = t => "\n\n\n" + t + "\n\n\n\n",
        ["blank lines holding spaces, tabs and no-break spaces"] = t => t.Replace("\n\n", "\n \t\u00A0\u2003\n", StringComparison.Ordinal),
        ["leading and trailing spaces and tabs"] = t => TextVariants.Pad(t, " \t  ", "\t "),
        ["no-break spaces for every space"] = t => t.Replace(' ', '\u00A0'),
        ["runs of spaces and tabs"] = t => t.Replace(" ", "  \t ", StringComparison.Ordinal),
        ["thin and ideographic spaces"] = t => t.Replace(", ", ",\u2009\u3000", StringComparison.Ordinal),
        ["lines wrapped at 60 columns"] = t => TextVariants.Wrap(t, 60),
        ["lines wrapped at 20 columns and CRLF"] = t => TextVariants.Wrap(t, 20).Replace("\n", "\r\n", StringComparison.Ordinal),
        ["a final newline"] = t => t + "\n",
    };

    public static TheoryData<string> SameArticleVariants => [.. SameArticle.Keys];

    [Theory]
    [MemberData(nameof(SameArticleVariants))]
    public void TheSampleParsesTheSameWith(string variant) =>
        Articles.Parse(SameArticle[variant](Stories.Tass)).ShouldBeSameArticleAs(Expected);

    [Fact]
    public void WithoutBreadcrumbTheHeadlineComesFirst()
    {
        var article = Articles.Parse(TextVariants.WithoutBlock(Stories.Tass, Breadcrumb));

        article.ShouldBeSameArticleAs(Expected with { Section = null });
    }

    [Fact]
    public void WithoutLeadTheDatelineFollowsTheHeadline()
    {
        var article = Articles.Parse(TextVariants.WithoutBlock(Stories.Tass, Lead));

        article.ShouldBeSameArticleAs(Expected with { Lead = null });
    }

    [Fact]
    public void WithoutBreadcrumbAndLeadOnlyTheHeadlineStandsAboveTheDateline()
    {
        var text = TextVariants.WithoutBlock(TextVariants.WithoutBlock(Stories.Tass, Breadcrumb), Lead);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected with { Section = null, Lead = null });
    }

    [Fact]
    public void WithoutDatelineTheUnpunctuatedOneSentenceBlockIsStillTheLead()
    {
        var text = Stories.Tass.Replace(DatelineText + " ", "", StringComparison.Ordinal);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected with { Dateline = null });
    }

    [Fact]
    public void WithoutDatelineAndLeadTheFirstParagraphStaysInTheBody()
    {
        // The first paragraph is one sentence too, but it ends with a full stop: a paragraph, not a lead.
        var text = TextVariants.WithoutBlock(Stories.Tass, Lead).Replace(DatelineText + " ", "", StringComparison.Ordinal);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected with { Lead = null, Dateline = null });
    }

    [Fact]
    public void WithoutDatelineAndBreadcrumbTheFirstBlockIsTheHeadline()
    {
        var text = TextVariants.WithoutBlock(Stories.Tass, Breadcrumb).Replace(DatelineText + " ", "", StringComparison.Ordinal);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected with { Section = null, Dateline = null });
    }

    [Fact]
    public void ADatelineOnItsOwnLineIsJoinedToItsParagraph()
    {
        var text = Stories.Tass.Replace(DatelineText + " ", DatelineText + "\n", StringComparison.Ordinal);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected);
    }

    [Fact]
    public void ADatelineStandingAloneAsABlockStillOpensTheBody()
    {
        var text = Stories.Tass.Replace(DatelineText + " ", DatelineText + "\n\n", StringComparison.Ordinal);

        Articles.Parse(text).ShouldBeSameArticleAs(Expected);
    }

    [Fact]
    public void TypographicQuotesEverywhereAreKeptAsWritten()
    {
        var text = Stories.Tass.Replace("\"People", "“People", StringComparison.Ordinal)
            .Replace("safe and sound,\"", "safe and sound,”", StringComparison.Ordinal);

        var article = Articles.Parse(text);

        article.Sections[1].Paragraphs[2].Should().StartWith("“People are running away").And.Contain("safe and sound,” he added.");
    }

    [Fact]
    public void TheLeadMaySpanTwoBlocksJoinedByASpace()
    {
        var text = Stories.Tass.Replace(Lead + "\n\n", Lead + "\n\nSmirnov spoke in Tashkent\n\n", StringComparison.Ordinal);

        Articles.Parse(text).Lead.Should().Be(Lead + " Smirnov spoke in Tashkent");
    }

    [Fact]
    public void ABreadcrumbWithSeparatorsIsTheSection()
    {
        var text = Stories.Tass.Replace(Breadcrumb, "World > Asia / Uzbekistan » Security", StringComparison.Ordinal);

        Articles.Parse(text).Section.Should().Be("World > Asia / Uzbekistan » Security");
    }

    [Fact]
    public void AShortHeadlineAbovePunctuatedLeadIsNotTakenForABreadcrumb()
    {
        const string Text = "Oil prices rise\n\nBrent rose on supply cuts.\n\nLONDON, March 2 (Reuters) - Brent crude rose 2% on Monday.\n\nTraders cited supply cuts.";

        var article = Articles.Parse(Text);

        article.Section.Should().BeNull();
        article.Headline.Should().Be("Oil prices rise");
        article.Lead.Should().Be("Brent rose on supply cuts.");
    }

    [Fact]
    public void TwoHeadingLikeBlocksInARowLeaveTheFirstAsTextAndTheLastAsHeading()
    {
        var text = Stories.Tass.Replace("\n\nIslamic State terrorist", "\n\nBackground\n\nIslamic State terrorist", StringComparison.Ordinal);

        var article = Articles.Parse(text);

        article.Sections[2].Paragraphs[^1].Should().Be("Background");
        article.Sections[3].Heading.Should().Be("Islamic State terrorist organization");
    }

    [Fact]
    public void AShortUnpunctuatedBlockAtTheEndIsAParagraphNotAHeading()
    {
        var article = Articles.Parse(Stories.Tass + "\n\nENDS");

        article.Sections.Should().HaveCount(4);
        article.Sections[^1].Paragraphs[^1].Should().Be("ENDS");
    }
}
