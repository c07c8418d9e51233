using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>Bylines above the dateline and credits and sign-offs below the story become metadata, not body text.</summary>
public sealed class TrailerAndBylineTests
{
    private const string Story = "Oil prices rise\n\nLONDON (Reuters) - Brent rose 2% on Monday.\n\nTraders cited supply cuts, he said.";

    [Theory]
    [InlineData("\n\nReuter")]
    [InlineData("\nREUTERS")]
    [InlineData("\n\n  reuter  \n\n")]
    [InlineData("\n\nOur Standards: The Thomson Reuters Trust Principles.")]
    public void ALoneSignOffIsDropped(string signOff)
    {
        var article = Articles.Parse(Story + signOff);

        article.Paragraphs.Should().Equal("Brent rose 2% on Monday.", "Traders cited supply cuts, he said.");
        article.Credits.Should().BeNull();
    }

    [Fact]
    public void TheSignOffNamesTheAgencyOnlyWhenTheDatelineDoesNot()
    {
        Articles.Parse("Headline\n\nNEW YORK, Feb 26 - Text.\n\nReuter").Dateline!.Agency.Should().Be("Reuters");
        Articles.Parse("Headline\n\nNEW YORK, Feb 26 - Text.").Dateline!.Agency.Should().BeNull();
        Articles.Parse("Headline\n\nWASHINGTON (AP) — Text.\n\nReuter").Dateline!.Agency.Should().Be("AP");
    }

    [Theory]
    [InlineData("\n\n(Reporting by Jane Doe; Editing by Mark Potter)", "(Reporting by Jane Doe; Editing by Mark Potter)")]
    [InlineData("\n\n(Writing by Jane Doe)", "(Writing by Jane Doe)")]
    [InlineData("\n\n(Additional reporting by Ahmad Karimi in Dubai)", "(Additional reporting by Ahmad Karimi in Dubai)")]
    [InlineData(" (Reporting by Jane Doe;\nEditing by Mark Potter)", "(Reporting by Jane Doe; Editing by Mark Potter)")] // closing the last paragraph
    [InlineData("\nstr-abc/xyz", "str-abc/xyz")] // AFP's tag line right under the last line
    [InlineData("\n\n(Reporting by Jane Doe)\nbur-fz/jh\n\nReuters", "(Reporting by Jane Doe)\nbur-fz/jh")]
    [InlineData("\n\n___\n\nAssociated Press writers Jane Doe in London and\nJohn Roe in Paris contributed to this report.",
        "Associated Press writers Jane Doe in London and John Roe in Paris contributed to this report.")]
    public void TrailingCreditsBecomeMetadata(string trailer, string credits)
    {
        var article = Articles.Parse(Story + trailer);

        article.Credits.Should().Be(credits);
        article.Paragraphs.Should().Equal("Brent rose 2% on Monday.", "Traders cited supply cuts, he said.");
    }

    [Theory]
    [InlineData("(The figures exclude Crimea.)")] // a note without "by" is the story's own
    [InlineData("(Editing error aside, the data held.)")]
    [InlineData("ENDS")] // not an agency's name
    [InlineData("Prices fell on the year, and/or stayed flat.")] // "and/or" is a tag line's shape only alone on a line
    public void AnythingElseAtTheEndStaysInTheBody(string last)
    {
        var article = Articles.Parse(Story + "\n\n" + last);

        article.Paragraphs.Last().Should().Be(last);
        article.Credits.Should().BeNull();
    }

    [Fact]
    public void AHugeLastLineOfParenthesesIsNotACredit()
    {
        // What the parser makes of it, not how fast: tests do not time (speed is measured in bench/).
        var line = string.Concat(Enumerable.Repeat("(reporting by x) ", 58_000)) + "end";

        var article = Articles.Parse("Headline\n\n" + line);

        article.Credits.Should().BeNull();
        article.Paragraphs.Last().Should().Be(line);
    }

    [Fact]
    public void AHeadlineIsNeverTakenForASignOff()
    {
        var result = WireCopyParser.Parse("Reuters\n\nReuter");

        result.Errors["body"].Should().ContainSingle().Which.Should().Contain("has a headline but no body");
    }

    [Theory]
    [InlineData("By Jane Doe", "By Jane Doe")]
    [InlineData("By Jane Doe and John Roe in London", "By Jane Doe and John Roe in London")]
    [InlineData("BY JOHN SMITH\nAP Business Writer", "BY JOHN SMITH AP Business Writer")]
    [InlineData("By JOHN SMITH\n\nAssociated Press", "By JOHN SMITH Associated Press")]
    [InlineData("By JEAN-PIERRE DE LA FONTAINE, AP Chief Medical Writer", "By JEAN-PIERRE DE LA FONTAINE, AP Chief Medical Writer")]
    public void ABylineAboveTheDatelineIsMetadata(string byline, string expected)
    {
        var article = Articles.Parse(Story.Replace("\n\nLONDON", "\n\n" + byline + "\n\nLONDON", StringComparison.Ordinal));

        article.Section.Should().BeNull("a short headline above a byline is no breadcrumb");
        article.Headline.Should().Be("Oil prices rise");
        article.Byline.Should().Be(expected);
        article.Lead.Should().BeNull();
        article.Paragraphs.Should().HaveCount(2);
    }

    [Theory]
    // Punctuated, as leads above a dateline are: an unpunctuated one under a three-word headline would make the
    // headline a breadcrumb (FrontMatter's documented ambiguity), which is not what this test is about.
    [InlineData("By 2030 the fleet will double.")]
    [InlineData("By Friday officials had left.")]
    public void ASentenceStartingWithByIsALead(string lead)
    {
        var article = Articles.Parse(Story.Replace("\n\nLONDON", "\n\n" + lead + "\n\nLONDON", StringComparison.Ordinal));

        article.Lead.Should().Be(lead);
        article.Byline.Should().BeNull();
    }

    [Fact]
    public void ABylineAndALeadMayBothStandAboveTheDateline()
    {
        var article = Articles.Parse(Story.Replace("\n\nLONDON", "\n\nProducers agreed to extend cuts.\n\nBy Jane Doe\n\nLONDON", StringComparison.Ordinal));

        article.Lead.Should().Be("Producers agreed to extend cuts.");
        article.Byline.Should().Be("By Jane Doe");
    }

    [Fact]
    public void WithoutDatelineTheBylineIsStillTakenAndTheBodyFollows()
    {
        var article = Articles.Parse("Oil prices rise\n\nBy Jane Doe\n\nBrent rose 2% on Monday.\n\nTraders cited supply cuts.");

        article.Byline.Should().Be("By Jane Doe");
        article.Lead.Should().BeNull();
        article.Paragraphs.Should().Equal("Brent rose 2% on Monday.", "Traders cited supply cuts.");
    }
}
