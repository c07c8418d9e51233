using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>Stories written for these tests, so the parser is not fitted to one sample alone.</summary>
public sealed class OwnStoriesTests
{
    [Fact]
    public void ATassStoryFromStPetersburgWithTwoSubHeadings()
    {
        var article = Articles.Parse(Stories.NorthernSeaRoute);

        article.Section.Should().Be("Business & Economy");
        article.Headline.Should().Be("Northern Sea Route cargo traffic hits record as Arctic ice retreats early");
        article.Lead.Should().Be("Port officials expect the navigation season to last until late November");
        article.Dateline.Should().Be(new Dateline("ST. PETERSBURG, June 16. /TASS/.", "St. Petersburg", 6, 16, null, "TASS"));
        article.Sections.Select(s => s.Heading).Should().Equal(null, "Icebreaker fleet", "Freight rates");
        article.Sections.Select(s => s.Paragraphs.Count).Should().Equal(2, 2, 1);
        article.Sections[0].Paragraphs[0].Should().StartWith("Cargo traffic along the Northern Sea Route reached");
    }

    [Fact]
    public void ATassStoryWithoutLeadWithWrappedLinesAndALeapDay()
    {
        var article = Articles.Parse(Stories.SakhalinTsunami);

        article.Section.Should().Be("Emergencies");
        article.Headline.Should().Be("Tsunami warning lifted on Sakhalin after magnitude 6.1 earthquake offshore");
        article.Lead.Should().BeNull();
        article.Dateline.Should().Be(new Dateline("YUZHNO-SAKHALINSK, February 29. /TASS/.", "Yuzhno-Sakhalinsk", 2, 29, null, "TASS"));
        article.Sections.Select(s => s.Heading).Should().Equal(null, "No damage or injuries");
        article.Sections.Select(s => s.Paragraphs.Count).Should().Equal(2, 2);
        article.Sections[0].Paragraphs[0].Should().Be(
            "The tsunami warning issued for the eastern coast of Sakhalin Island after a magnitude 6.1 earthquake " +
            "in the Sea of Okhotsk has been lifted, the regional emergencies ministry said on Thursday.");
        article.Sections[1].Paragraphs[0].Should().StartWith("“There are no reports").And.EndWith("the ministry’s press service said.");
    }

    [Fact]
    public void ARussianTassStoryInCyrillic()
    {
        var article = Articles.Parse(Stories.MoscowWeather);

        article.Section.Should().Be("Общество");
        article.Headline.Should().Be("Синоптики пообещали москвичам «бабье лето» в выходные");
        article.Lead.Should().Be("Температура воздуха поднимется до плюс 22 градусов");
        article.Dateline.Should().Be(new Dateline("МОСКВА, 18 сентября. /ТАСС/.", "Москва", 9, 18, null, "ТАСС"));
        article.Sections.Select(s => s.Heading).Should().Equal(null, "Ночью будет прохладно");
        article.Sections.Select(s => s.Paragraphs.Count).Should().Equal(2, 2);
        article.Sections[0].Paragraphs[0].Should().StartWith("Теплая и сухая погода установится в Москве");
        article.Sections[0].Paragraphs[1].Should().Be("«Это будет классическое бабье лето: солнце, слабый ветер и никаких осадков», – сказал он.");
    }

    [Fact]
    public void ACyrillicStoryWithWindowsLineEndingsAndAByteOrderMarkParsesTheSame() =>
        Articles.Parse("\uFEFF" + Stories.MoscowWeather.Replace("\n", "\r\n", StringComparison.Ordinal))
            .ShouldBeSameArticleAs(Articles.Parse(Stories.MoscowWeather));

    [Fact]
    public void AReutersStoryWithAYearInTheDatelineAndNoBreadcrumbOrLead()
    {
        var article = Articles.Parse(Stories.CoffeeFrost);

        article.Section.Should().BeNull();
        article.Headline.Should().Be("Coffee prices jump as frost hits Brazil's growing regions");
        article.Lead.Should().BeNull();
        article.Dateline.Should().Be(new Dateline("NEW YORK, July 21, 2025 (Reuters) -", "New York", 7, 21, 2025, "Reuters"));
        article.Sections.Should().ContainSingle().Which.Heading.Should().BeNull();
        article.Paragraphs.Should().HaveCount(3);
        article.Paragraphs.First().Should().StartWith("Arabica coffee futures rose more than 4% on Monday");
        DatelineDates.Resolve(article.Dateline!, null, DateTime.UtcNow).Should().Be(new DateTime(2025, 7, 21, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void AStoryWithoutDatelineOrLeadKeepsItsFirstParagraphInTheBody()
    {
        const string Text = """
            Brent crude rises on supply cuts

            Brent crude rose 2% on Monday after producers agreed to extend output cuts.

            Traders said the market had expected a smaller cut, and prices could rise further this week.
            """;

        var article = Articles.Parse(Text);

        article.Section.Should().BeNull();
        article.Headline.Should().Be("Brent crude rises on supply cuts");
        article.Lead.Should().BeNull();
        article.Dateline.Should().BeNull();
        article.Paragraphs.Should().HaveCount(2);
    }
}
