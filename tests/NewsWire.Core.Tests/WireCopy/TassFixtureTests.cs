using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>The TASS sample, field by field: the parser was designed on it and must take it apart exactly.</summary>
public sealed class TassFixtureTests
{
    private readonly ParsedArticle _article = Articles.Parse(Stories.Tass);

    [Fact]
    public void TheBreadcrumbIsTheSection() => _article.Section.Should().Be("All news");

    [Fact]
    public void TheHeadlineIsTheBlockUnderTheBreadcrumb() =>
        _article.Headline.Should().Be("Russian Security Service: Refugee crisis used by Islamic State to send people to Europe");

    [Fact]
    public void TheLeadIsTheBlockBetweenHeadlineAndDateline() =>
        _article.Lead.Should().Be("The officer said the flow of refugees will only grow as Islamic State is seizing new territories");

    [Fact]
    public void TheDatelineGivesPlaceInTitleCaseMonthDayAndAgencyButNoYear() =>
        _article.Dateline.Should().Be(new Dateline("TASHKENT, September 18. /TASS/.", "Tashkent", 9, 18, null, "TASS"));

    [Fact]
    public void TheDatelineIsTakenOffTheFirstParagraph() =>
        _article.Sections[0].Paragraphs[0].Should().Be(
            "The Islamic State (IS) terrorist organization takes advantage of the situation with refugees by sending its own " +
            "people to Europe, Federal Security Service first deputy director Army General Sergey Smirnov said on Friday.");

    [Fact]
    public void TheSubHeadingsOpenSectionsInOrder() =>
        _article.Sections.Select(s => s.Heading).Should().Equal(
            null,
            "EU refugee flow grows due to IS terror, not Assad",
            "IS recruitment serious threat for SCO countries",
            "Islamic State terrorist organization");

    [Fact]
    public void EachSectionHasTheParagraphsOfTheFile()
    {
        // Counted in the file: 3 before the first sub-heading (the dateline paragraph is one), then 4, 5 and 1.
        _article.Sections.Select(s => s.Paragraphs.Count).Should().Equal(3, 4, 5, 1);
        _article.Paragraphs.Should().HaveCount(13);
    }

    [Theory]
    [InlineData(0, "The Islamic State (IS) terrorist organization", "this is a threat for many countries.")]
    [InlineData(1, "According to the officer, the flow", "the flow of refugees will only grow,\" he stressed.")]
    [InlineData(2, "Smirnov also stressed that", "activities of this organization [Islamic State].\"")]
    [InlineData(3, "The Islamic State is an extremist organization", "and 50% of the Syrian territory.")]
    public void EachSectionStartsAndEndsWhereTheFileSays(int section, string firstStarts, string lastEnds)
    {
        _article.Sections[section].Paragraphs[0].Should().StartWith(firstStarts);
        _article.Sections[section].Paragraphs[^1].Should().EndWith(lastEnds);
    }

    [Fact]
    public void NoBreakSpacesBecomeOnePlainSpace()
    {
        _article.Sections[3].Heading.Should().Be("Islamic State terrorist organization");
        _article.Sections[2].Paragraphs[0].Should().StartWith("Smirnov also stressed that recruiting citizens");
        _article.Paragraphs.Should().AllSatisfy(p => p.Should().NotContain("\u00A0").And.NotContain("  "));
    }

    [Fact]
    public void TypographicQuotesAreKeptAsWritten()
    {
        _article.Sections[1].Paragraphs[1].Should().StartWith("\"The activities of this [Islamic] ‘State’ will result");
        _article.Sections[1].Paragraphs[2].Should().Contain("Russia’s support");
    }

    [Fact]
    public void EveryParagraphIsOneTrimmedLine() =>
        _article.Paragraphs.Should().AllSatisfy(p =>
        {
            p.Should().NotContain("\n").And.NotContain("\r");
            p.Should().Be(p.Trim());
        });

    [Fact]
    public void NoSubHeadingOrDatelineIsLeftInTheBody() =>
        _article.Paragraphs.Should().NotContain(p => p.Contains("TASHKENT", StringComparison.Ordinal)
            || p == "EU refugee flow grows due to IS terror, not Assad");
}
