using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>
/// A quotation over several paragraphs (each opens with a mark, only the last closes): one quote per paragraph,
/// all credited to the speaker the quotation's attribution names.
/// </summary>
public sealed class RunningQuoteTests
{
    [Fact]
    public void AnAttributionBeforeTheRunningQuotationCreditsEveryParagraphOfIt() =>
        QuoteFixtures.Extract("""
            Foreign Minister Ivan Ivanov read out the statement on Monday. He said: "The first part concerns the border, which stays open.

            "The second part concerns trade, where we have made real progress.

            "The third part concerns the future."

            The talks resume in March.
            """).Should().Equal(
                new Quote("Ivan Ivanov", "The first part concerns the border, which stays open.", 1),
                new Quote("Ivan Ivanov", "The second part concerns trade, where we have made real progress.", 2),
                new Quote("Ivan Ivanov", "The third part concerns the future.", 3));

    [Fact]
    public void AnAttributionClosingTheRunningQuotationCreditsEveryParagraphOfIt() =>
        // The last named speaker before the quotation is Belova; the closing "Volkov said" decides for all three parts.
        QuoteFixtures.Extract("""
            "We will not support this budget," opposition leader Irina Belova said.

            “Taxes will stay where they are.

            “Pensions will rise with prices.

            “Not this year and not next year,” Finance Minister Anton Volkov said, “and we have the money.”
            """).Select(q => (q.Speaker, q.Paragraph)).Should().Equal(
                ("Irina Belova", 1), ("Anton Volkov", 2), ("Anton Volkov", 3), ("Anton Volkov", 4), ("Anton Volkov", 4));

    [Fact]
    public void AnUnattributedRunningQuotationTakesTheSpeakerOfTheParagraphsBefore() =>
        QuoteFixtures.Extract("""
            Army General Sergey Smirnov said on Friday the threat was growing.

            «Они приходят тренироваться.

            «Потом они возвращаются домой».
            """).Select(q => (q.Speaker, q.Paragraph)).Should().Equal(("Sergey Smirnov", 2), ("Sergey Smirnov", 3));

    [Fact]
    public void AQuotationLeftOpenAtTheEndOfTheArticleRunsToItsEnd() =>
        QuoteFixtures.Extract("Smirnov said: \"The threat is real and it is growing")
            .Should().Equal(new Quote("Smirnov", "The threat is real and it is growing", 1));
}
