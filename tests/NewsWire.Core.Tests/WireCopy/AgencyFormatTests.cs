using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>Each agency's story (<see cref="AgencyStories"/>) taken apart field by field.</summary>
public sealed class AgencyFormatTests
{
    /// <summary>What each story must parse to: headline, dateline, byline, credits, and the body's shape.</summary>
    private sealed record Expected(
        string Headline, Dateline Dateline, string? Byline, string? Credits, int Paragraphs, string FirstStarts, string LastEnds,
        string? Lead = null);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        [nameof(AgencyStories.Reuters)] = new(
            "Oil climbs as OPEC+ weighs deeper output cuts",
            new("LONDON, March 3 (Reuters) -", "London", 3, 3, null, "Reuters"),
            "By Jane Doe",
            "(Reporting by Jane Doe in London; additional reporting by Ahmad Karimi in Dubai; Editing by Mark Potter)",
            4, "Oil prices rose more than 2% on Tuesday", "a further reduction of 1 million barrels per day."),
        [nameof(AgencyStories.Reuters1987)] = new(
            "OPEC Output to Rise, U.S. Officials Say",
            new("WASHINGTON, March 3 -", "Washington", 3, 3, null, "Reuters"), // the agency from the closing "Reuter"
            null, null,
            4, "OPEC oil output is likely to rise by about one mln barrels per day", "17.85 dlrs a barrel after the remarks."),
        [nameof(AgencyStories.AP)] = new(
            "Senate passes stopgap bill hours before shutdown deadline",
            new("WASHINGTON (AP) —", "Washington", null, null, null, "AP"),
            "By LISA MARTIN and DAVID OKAFOR Associated Press",
            "Associated Press writer Maria Fuentes contributed to this report.",
            4, "The Senate voted 77-19 late Thursday", "would sign it Friday morning."),
        [nameof(AgencyStories.AFP)] = new(
            "France unveils plan to halve farm pesticide use",
            new("PARIS, Nov 29, 2026 (AFP) -", "Paris", 11, 29, 2026, "AFP"),
            null, "bur-fz/jh",
            4, "France will halve the use of farm pesticides by 2035", "the plan lacked binding measures."),
        [nameof(AgencyStories.Xinhua)] = new(
            "China's grain output hits record high",
            new("BEIJING, Dec. 12 (Xinhua) --", "Beijing", 12, 12, null, "Xinhua"),
            null, null, // "Enditem" is a sign-off: dropped, not a credit
            4, "China's grain output reached a record 712 million tonnes", "for more than a decade."),
        [nameof(AgencyStories.Interfax)] = new(
            "Russian wheat export prices edge up on demand from Egypt",
            new("MOSCOW. Sept 18 (Interfax) -", "Moscow", 9, 18, null, "Interfax"),
            null, null,
            4, "Export prices for Russian wheat with 12.5% protein", "4.5 million tonnes in September."),
        [nameof(AgencyStories.UPI)] = new(
            "NASA delays moon rocket fueling test after hydrogen leak",
            new("CAPE CANAVERAL, Fla., Sept. 18 (UPI) --", "Cape Canaveral, Fla.", 9, 18, null, "UPI"),
            null, null,
            3, "NASA postponed a fueling test", "planned for early next year."),
        [nameof(AgencyStories.Dpa)] = new(
            "German industrial orders fall for third month in a row",
            new("Berlin (dpa) -", "Berlin", null, null, null, "dpa"),
            null, null,
            4, "Orders for German industrial goods fell", "said an economist at a Frankfurt bank."),
        [nameof(AgencyStories.ANSA)] = new(
            "Italy's jobless rate falls to lowest since 2007",
            new("(ANSA) - ROME, SEP 18 -", "Rome", 9, 18, null, "ANSA"),
            null, null,
            3, "Italy's unemployment rate fell to 6.0% in August", "fell 0.9 points to 18.3%."),
        [nameof(AgencyStories.Kyodo)] = new(
            "Japan's Exports Rise for 5th Straight Month on Chip Demand",
            new("TOKYO, Sept. 18 Kyodo --", "Tokyo", 9, 18, null, "Kyodo"),
            null, null,
            3, "Japan's exports rose 6.1 percent in August", "those to China grew 12.4 percent."),
        [nameof(AgencyStories.TASS)] = new(
            "Kazakhstan to raise grain export quota as harvest beats forecast",
            new("ASTANA, November 27. /TASS/.", "Astana", 11, 27, null, "TASS"),
            null, null,
            3, "Kazakhstan will raise its grain export quota", "to China by rail.",
            Lead: "The quota will grow by 1.5 million tonnes"),
    };

    [Theory]
    [MemberData(nameof(AgencyStories.Names), MemberType = typeof(AgencyStories))]
    public void EachAgencysStoryIsTakenApart(string agency)
    {
        var expected = Cases[agency];

        var article = Articles.Parse(AgencyStories.ByName(agency));

        article.Section.Should().BeNull();
        article.Headline.Should().Be(expected.Headline);
        article.Lead.Should().Be(expected.Lead);
        article.Dateline.Should().Be(expected.Dateline);
        article.Byline.Should().Be(expected.Byline);
        article.Credits.Should().Be(expected.Credits);
        article.Sections.Should().ContainSingle().Which.Heading.Should().BeNull();
        article.Paragraphs.Should().HaveCount(expected.Paragraphs);
        article.Paragraphs.First().Should().StartWith(expected.FirstStarts);
        article.Paragraphs.Last().Should().EndWith(expected.LastEnds);
    }

    [Theory]
    [MemberData(nameof(AgencyStories.Names), MemberType = typeof(AgencyStories))]
    public void NoBylineCreditOrSignOffIsLeftInTheBody(string agency)
    {
        var article = Articles.Parse(AgencyStories.ByName(agency));

        article.Paragraphs.Should().NotContain(p => p.StartsWith("By ", StringComparison.Ordinal)
            || p.Contains("(Reporting", StringComparison.Ordinal) || p.Contains("contributed", StringComparison.Ordinal)
            || p == "___" || p == "Reuter" || p == "Enditem" || p == "bur-fz/jh");
    }

    [Fact]
    public void TheStoriesCoverEveryAgencyTheParserNames() =>
        Cases.Values.Select(c => c.Dateline.Agency).Should().BeEquivalentTo(
            ["Reuters", "Reuters", "AP", "AFP", "Xinhua", "Interfax", "UPI", "dpa", "ANSA", "Kyodo", "TASS"]);

    [Fact]
    public void ADatelessStoryIsDatedTheDayItIsFiled()
    {
        var now = new DateTime(2026, 11, 29, 15, 30, 0, DateTimeKind.Utc);

        DatelineDates.Resolve(Articles.Parse(AgencyStories.AP).Dateline!, null, now).Should().Be(now.Date);
    }
}
