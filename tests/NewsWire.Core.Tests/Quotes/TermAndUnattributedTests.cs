using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>Scare quotes that are terms, and speech nobody is credited with in its sentence or paragraph.</summary>
public sealed class TermAndUnattributedTests
{
    public static TheoryData<string> Terms => new()
    {
        "In June 2014, IS announced the establishment of the \"Islamic caliphate\" in Iraq and Syria.",
        "The \"peace plan\" was never published. According to reports, it ran to ten pages.",
        "Smirnov said the so-called \"caliphate\" was a fiction.",
        "Refugees crossed the “green border” at night, and the border guards counted them in the morning.",
        "Locals call the district «красная зона».",
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void AShortQuotedPhraseWithoutAttributionInItsSentenceIsATerm(string paragraph) =>
        QuoteFixtures.Extract(paragraph).Should().BeEmpty();

    public static TheoryData<string, string> ShortQuotations => new()
    {
        { "\"No,\" Smirnov said.", "No" },
        { "Asked about a deal, Smirnov said: \"Not this year.\"", "Not this year." },
        { "Smirnov described the talks as \"very productive.\"", "very productive." },
        { "The response will be \"measured and precise,\" Smirnov said.", "measured and precise" },
    };

    [Theory]
    [MemberData(nameof(ShortQuotations))]
    public void AShortQuotationAttributedInItsSentenceIsAQuotation(string paragraph, string text) =>
        QuoteFixtures.Extract(paragraph).Should().ContainSingle().Which.Should().Be(new Quote("Smirnov", text, 1));

    private const string Speeches = """
        Deputy Prime Minister Olga Kuznetsova said on Wednesday that the harvest would be a record.

        Grain exports are expected to reach 60 million tonnes.

        "The weather has been on our side this year."

        Storage capacity has been expanded in the south.

        Prices have fallen in most regions since July.

        Rail operators have added 2,000 grain wagons.

        "Nobody can say how long this will last."
        """;

    [Fact]
    public void AFullSentenceInQuotesWithoutAttributionTakesTheSpeakerOfTheTwoParagraphsBefore() =>
        QuoteFixtures.Extract(Speeches)[0].Should().Be(new Quote("Olga Kuznetsova", "The weather has been on our side this year.", 3));

    [Fact]
    public void AFullSentenceInQuotesWithNoSpeakerNearHasNone() =>
        QuoteFixtures.Extract(Speeches)[1].Should().Be(new Quote(null, "Nobody can say how long this will last.", 7));

    [Fact]
    public void AQuotationInAnArticleWithoutSpeakersHasNone() =>
        QuoteFixtures.Extract("""
            The museum reopened on Saturday after two years of repairs.

            A banner over the entrance read: "Welcome back, we missed you."
            """).Should().Equal(new Quote(null, "Welcome back, we missed you.", 2));

    [Fact]
    public void ALongQuotedFragmentWithoutAttributionIsAQuotationWithoutSpeaker() =>
        // Not a sentence, so not pinned on the last speaker; too long to pass for a scare-quoted term.
        QuoteFixtures.Extract("""
            Governor Anna Ivanova said on Monday the bridge would open in May.

            The project was delayed by "a lack of concrete and a very long winter" last year.
            """).Should().Equal(new Quote(null, "a lack of concrete and a very long winter", 2));

    [Fact]
    public void AnInstitutionAttributionIsNotAPersonButCountsAsAttributed() =>
        QuoteFixtures.Extract("""
            Governor Anna Ivanova said on Monday the bridge would open in May.

            "The bridge will open on schedule," the regional government said in a statement.
            """).Should().Equal(new Quote(null, "The bridge will open on schedule", 2));
}
