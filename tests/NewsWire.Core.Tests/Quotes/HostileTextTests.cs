using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>
/// Stored bodies are whatever agencies sent: stray and unbalanced marks, lone apostrophes, punctuation runs.
/// The extractor must never throw, and what it returns must stand in the paragraph it names.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "«", "»", "„", "‘", "’", "'", " ", " ", " ", ",", ".", ":", "–", "—", "?", "(", ")", "[", "]",
        "said", "he", "she", "according to", "по словам", "сказала", "она", "Smirnov", "Sergey", "Army General",
        "Russia’s", "countries’", "‘90s", "so-called", "the minister", "who", "U.S.", "Mr.", "3,000", "von", "al-Assad",
        "МИД", "России", "Захаровой", "that", "что", "the", "States", "word", "слово",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTextNeverThrowsAndEveryQuoteStandsInItsParagraph(int seed)
    {
        var random = new Random(seed);
        var paragraphs = Enumerable.Range(0, random.Next(1, 8))
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)])))
            .ToList();

        var quotes = QuoteExtractor.Extract(paragraphs);

        foreach (var q in quotes)
        {
            q.Paragraph.Should().BeInRange(1, paragraphs.Count);
            q.Text.Should().NotBeNullOrWhiteSpace();
            paragraphs[q.Paragraph - 1].Should().Contain(q.Text);
        }

        quotes.Select(q => q.Paragraph).Should().BeInAscendingOrder();
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("“")]
    [InlineData("«»")]
    [InlineData("‘")]
    [InlineData("’")]
    [InlineData("'")]
    [InlineData(", said")]
    [InlineData("said he")]
    [InlineData("according to")]
    [InlineData("По словам")]
    [InlineData("\" he said")]
    public void AFragmentOnItsOwnGivesNoQuote(string paragraph) =>
        QuoteExtractor.Extract([paragraph]).Should().BeEmpty();

    [Fact]
    public void EmptyAndWhitespaceParagraphsStillCount() =>
        QuoteExtractor.Extract(["", "  ", "\"The border stays open this winter,\" Ivanov said."])
            .Should().Equal(new Quote("Ivanov", "The border stays open this winter", 3));
}
