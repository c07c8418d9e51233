using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

public sealed class WireCopyWriterTests
{
    private static string Render(ParsedArticle article) =>
        WireCopyWriter.Render(article.Section, article.Headline, article.Lead, article.Dateline?.Text, article.Sections,
            article.Byline, article.Credits);

    [Fact]
    public void TheTassSampleIsRenderedAsItArrivedWithSpacesNormalizedAndAFinalNewline()
    {
        // The sample's only irregularities are two no-break spaces between words and the missing final newline.
        var expected = Stories.Tass.Replace('\u00A0', ' ') + "\n";

        Render(Articles.Parse(Stories.Tass)).Should().Be(expected);
    }

    [Fact]
    public void TheTextPutsBreadcrumbHeadlineLeadAndDatelineFirst() =>
        Render(Articles.Parse(Stories.Tass)).Should().StartWith(
            "All news\n\n" +
            "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe\n\n" +
            "The officer said the flow of refugees will only grow as Islamic State is seizing new territories\n\n" +
            "TASHKENT, September 18. /TASS/. The Islamic State (IS) terrorist organization takes advantage");

    [Theory]
    [MemberData(nameof(Stories.Names), MemberType = typeof(Stories))]
    public void ParsingTheRenderedTextGivesBackTheArticle(string story)
    {
        var article = Articles.Parse(Stories.ByName(story));

        Articles.Parse(Render(article)).ShouldBeSameArticleAs(article);
    }

    [Theory]
    [MemberData(nameof(Stories.Names), MemberType = typeof(Stories))]
    public void RenderingIsStableOnceRendered(string story)
    {
        var once = Render(Articles.Parse(Stories.ByName(story)));

        Render(Articles.Parse(once)).Should().Be(once);
    }

    [Theory]
    [MemberData(nameof(AgencyStories.Names), MemberType = typeof(AgencyStories))]
    public void EachAgencysStoryParsesBackWithItsBylineAndCredits(string agency)
    {
        var article = Articles.Parse(AgencyStories.ByName(agency));

        // No sign-off is written, so the agency 1987's "Reuter" named is not in the text any more (the archive
        // keeps it as the source).
        var expected = agency == nameof(AgencyStories.Reuters1987) ? article with { Dateline = article.Dateline! with { Agency = null } } : article;
        Articles.Parse(Render(article)).ShouldBeSameArticleAs(expected);
    }

    [Fact]
    public void TheBylineFollowsTheLeadAndTheCreditsCloseTheStoryOnePerLine() =>
        WireCopyWriter.Render(null, "Oil prices rise", "Producers agreed to extend cuts.", "LONDON (Reuters) -",
                [new ArticleSection(null, ["Brent rose 2%."])], "By Jane Doe", "(Reporting by Jane Doe)\nbur-fz/jh")
            .Should().Be("Oil prices rise\n\nProducers agreed to extend cuts.\n\nBy Jane Doe\n\nLONDON (Reuters) - Brent rose 2%.\n\n" +
                "(Reporting by Jane Doe)\nbur-fz/jh\n");

    [Fact]
    public void MissingPartsAreLeftOutWithoutEmptyBlocks()
    {
        var text = WireCopyWriter.Render(null, "Oil prices rise", " ", null,
            [new ArticleSection(null, ["Brent rose 2% on Monday.", ""]), new ArticleSection("Outlook", ["Traders expect more cuts."])]);

        text.Should().Be("Oil prices rise\n\nBrent rose 2% on Monday.\n\nOutlook\n\nTraders expect more cuts.\n");
    }

    [Fact]
    public void ANewlineInsideAStoredParagraphCannotSplitIt()
    {
        var text = WireCopyWriter.Render(null, "Headline", null, null, [new ArticleSection(null, ["One\n\nparagraph."])]);

        text.Should().Be("Headline\n\nOne paragraph.\n");
    }

    [Fact]
    public void ADatelineWithoutParagraphsIsStillWritten() =>
        WireCopyWriter.Render(null, "Headline", null, "TASHKENT, September 18. /TASS/.", [])
            .Should().Be("Headline\n\nTASHKENT, September 18. /TASS/.\n");
}
