namespace NewsWire.Core.Tests.Quotes;

/// <summary>Every kind of quotation mark, nested quotations, and apostrophes that are not quotation marks.</summary>
public sealed class QuoteMarkTests
{
    public static TheoryData<string, string> Marks => new()
    {
        { "\"We are ready for talks,\" Ivanov said.", "We are ready for talks" },
        { "“We are ready for talks,” Ivanov said.", "We are ready for talks" },
        { "«We are ready for talks», Ivanov said.", "We are ready for talks" },
        { "„We are ready for talks“, Ivanov said.", "We are ready for talks" },
        { "„We are ready for talks”, Ivanov said.", "We are ready for talks" },
        { "‘We are ready for talks,’ Ivanov said.", "We are ready for talks" },
        { "'We are ready for talks,' Ivanov said.", "We are ready for talks" },
        { "Ivanov said: \"We are ready for talks.\"", "We are ready for talks." },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void EveryKindOfQuotationMarkOpensAndClosesAQuotation(string paragraph, string text) =>
        QuoteFixtures.Extract(paragraph).Should().ContainSingle()
            .Which.Should().Be(new NewsWire.Core.Quotes.Quote("Ivanov", text, 1));

    public static TheoryData<string, string> Nested => new()
    {
        { "“The so-called ‘State’ is losing ground,” Ivanov said.", "The so-called ‘State’ is losing ground" },
        { "\"The so-called 'State' is losing ground,\" Ivanov said.", "The so-called 'State' is losing ground" },
        { "“The so-called \"State\" is losing ground,” Ivanov said.", "The so-called \"State\" is losing ground" },
        { "«Так называемое „государство“ теряет позиции», – сказал Иванов.", "Так называемое „государство“ теряет позиции" },
        { "«Так называемое «государство» теряет позиции», – сказал Иванов.", "Так называемое «государство» теряет позиции" },
        { "“He told me: ‘They call it “order”, I call it chaos’,” Ivanov said.", "He told me: ‘They call it “order”, I call it chaos’" },
    };

    [Theory]
    [MemberData(nameof(Nested))]
    public void ANestedQuotationStaysInsideItsOuterQuotation(string paragraph, string text) =>
        QuoteFixtures.Extract(paragraph).Should().ContainSingle().Which.Text.Should().Be(text);

    public static TheoryData<string, string> Apostrophes => new()
    {
        { "“Russia’s position and the countries’ interests coincide,” Ivanov said.", "Russia’s position and the countries’ interests coincide" },
        { "'Russia's position is clear and it won't change,' Ivanov said.", "Russia's position is clear and it won't change" },
        { "‘Russia’s position is clear and it won’t change,’ Ivanov said.", "Russia’s position is clear and it won’t change" },
        { "In the ‘90s, Ivanov said, \"things were different.\"", "things were different." },
        { "The ministers’ meeting ended late, and Ivanov’s aide said: \"No comment on the talks.\"", "No comment on the talks." },
    };

    [Theory]
    [MemberData(nameof(Apostrophes))]
    public void AnApostropheNeitherOpensNorClosesAQuotation(string paragraph, string text) =>
        QuoteFixtures.Extract(paragraph).Should().ContainSingle().Which.Text.Should().Be(text);

    [Fact]
    public void TwoQuotationsInOneParagraphAreTwoQuotes() =>
        QuoteFixtures.Extract("“We won,” Ivanov said, “and we will win again.”").Select(q => q.Text)
            .Should().Equal("We won", "and we will win again.");

    [Fact]
    public void AnEmptyBodyOrEmptyQuotationMarksGiveNoQuotes()
    {
        NewsWire.Core.Quotes.QuoteExtractor.Extract([]).Should().BeEmpty();
        QuoteFixtures.Extract("The sign said \"\" and nothing else, Ivanov said.").Should().BeEmpty();
    }

    [Fact]
    public void NullParagraphsAreRefused() =>
        FluentActions.Invoking(() => NewsWire.Core.Quotes.QuoteExtractor.Extract(null!)).Should().Throw<ArgumentNullException>();
}
