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

    /// <summary>Bodies up to the wire-copy limit (a million characters) built to make one step repeat the work of
    /// another: stray openers, apostrophes, thousands of quotations and speakers in one paragraph or many.</summary>
    public static TheoryData<string, string, int> LongBodies => new()
    {
        { "333,333 stray openers", "«a ", 1 },
        { "333,333 apostrophes", "'a ", 0 },
        { "200,000 openers each with a closer of another kind", "«a ” ", 1 },
        { "62,500 quoted words credited by a pronoun", "He said “a” and ", 62_500 },
    };

    [Theory]
    [MemberData(nameof(LongBodies))]
    public void AMillionCharactersOfOnePatternGiveTheQuotesThePatternHolds(string name, string piece, int quotes)
    {
        var paragraph = string.Concat(Enumerable.Repeat(piece, 1_000_000 / piece.Length));

        QuoteExtractor.Extract([paragraph]).Should().HaveCount(quotes, name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TenThousandSpeakersEachGetTheirOwnQuotation(bool oneParagraph)
    {
        var sentences = Enumerable.Range(0, 10_000).Select(i => $"“Item {i} is ready,” Ivan Petrov{i} said.").ToList();

        var quotes = QuoteExtractor.Extract(oneParagraph ? [string.Join(' ', sentences)] : sentences);

        quotes.Select(q => q.Speaker).Should().Equal(Enumerable.Range(0, 10_000).Select(i => $"Ivan Petrov{i}"));
    }

    /// <summary>Past eight levels an opener is a stray mark, so the eighth closer ends the outer quotation.</summary>
    [Fact]
    public void QuotationsNestAtMostEightDeep() =>
        QuoteExtractor.Extract(["«1 «2 «3 «4 «5 «6 «7 «8 «9 end»»»»»»»»», Ivanov said."]).Should().ContainSingle()
            .Which.Text.Should().Be("1 «2 «3 «4 «5 «6 «7 «8 «9 end»»»»»»»");

    /// <summary>The registry remembers 200 people (SpeakerRegistry.MaxPeople): the 201st pushes out the one
    /// mentioned longest ago, and his surname no longer finds his full name.</summary>
    [Fact]
    public void ASpeakerMentionedLongestAgoIsForgottenWhenTwoHundredOthersFollow()
    {
        var others = Enumerable.Range(0, 200).Select(i => $"“Item {i} is ready,” Ivan Petrov{i} said.");
        var paragraphs = others.Prepend("“We start,” Sergey Smirnov said.").Append("“We are done,” Smirnov said.").ToList();

        QuoteExtractor.Extract(paragraphs)[^1].Speaker.Should().Be("Smirnov");
    }

    [Fact]
    public void ASpeakerMentionedBeforeOneHundredNinetyNineOthersIsRemembered()
    {
        var others = Enumerable.Range(0, 199).Select(i => $"“Item {i} is ready,” Ivan Petrov{i} said.");
        var paragraphs = others.Prepend("“We start,” Sergey Smirnov said.").Append("“We are done,” Smirnov said.").ToList();

        QuoteExtractor.Extract(paragraphs)[^1].Speaker.Should().Be("Sergey Smirnov");
    }
}
