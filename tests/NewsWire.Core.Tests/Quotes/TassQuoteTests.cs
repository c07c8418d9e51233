using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>
/// The TASS sample: ten quotations, all Sergey Smirnov's (named once in full, then "Smirnov" and "he"), and one
/// scare-quoted term in the background section that is not a quotation.
/// </summary>
public sealed class TassQuoteTests
{
    private readonly IReadOnlyList<Quote> _quotes = QuoteExtractor.Extract(QuoteFixtures.Tass);

    [Fact]
    public void TheBodyIsThirteenParagraphsAsTheApiPassesIt()
    {
        QuoteFixtures.Tass.Should().HaveCount(13);
        QuoteFixtures.Tass[0].Should().StartWith("The Islamic State (IS) terrorist organization takes advantage");
    }

    [Fact]
    public void TheReportHasExactlyTenQuotations() => _quotes.Should().HaveCount(10);

    [Fact]
    public void EveryQuotationIsSergeySmirnovs() =>
        _quotes.Should().AllSatisfy(q => q.Speaker.Should().Be("Sergey Smirnov"));

    public static TheoryData<int, int, string> Expected => new()
    {
        // Counted in the parsed body: 1 is the dateline paragraph, 4 opens "EU refugee flow…", 8 "IS recruitment…".
        { 0, 2, "this is a problem because refugees are used by IS" },
        { 1, 2, "What they will do in the future" },
        { 2, 5, "The activities of this [Islamic] ‘State’ will result" },
        { 3, 6, "People are running away not from Russia’s support" },
        { 4, 7, "Unfortunately, the group is seizing more and more territories" },
        { 5, 9, "The most dangerous is recruiting people" },
        { 6, 10, "secretly, and working methods of combat organizations" },
        { 7, 10, "They use their accumulated experience" },
        { 8, 12, "According to our information, around 2,400 Russian citizens" },
        { 9, 12, "according to our information, around 3,000 citizens" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EachQuotationStandsInItsParagraph(int index, int paragraph, string start)
    {
        _quotes[index].Paragraph.Should().Be(paragraph);
        _quotes[index].Text.Should().StartWith(start);
        QuoteFixtures.Tass[paragraph - 1].Should().Contain(_quotes[index].Text);
    }

    [Fact]
    public void TheScareQuotedIslamicCaliphateIsNotAQuotation() =>
        _quotes.Should().NotContain(q => q.Text.Contains("caliphate", StringComparison.Ordinal) || q.Paragraph == 13);

    [Fact]
    public void TheCommaBeforeTheAttributionIsNotPartOfTheQuotation() =>
        _quotes[1].Text.Should().Be("What they will do in the future and what tasks they will perform, it is hard to say");

    [Fact]
    public void QuotedWordsEndingTheSentenceKeepTheirFullStop() =>
        _quotes[9].Text.Should().EndWith("participate in the activities of this organization [Islamic State].");
}
