using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

public sealed class MoreLikeThisTests
{
    [Fact]
    public void CandidatesAreTheArticlesFrequentWordsWithTheHeadlineWeighedMore()
    {
        var candidates = MoreLikeThis.Candidates(
            "Cocoa arrivals slow in Bahia",
            null,
            "Cocoa arrivals in Bahia slowed this week, exporters said. Cocoa prices rose. The temporao crop is late.");

        candidates.Select(c => c.Word).Take(3).Should().Equal("cocoa", "arrivals", "bahia");
        candidates.Single(c => c.Word == "cocoa").Weight.Should().Be(3 + 2);
        candidates.Single(c => c.Word == "temporao").Weight.Should().Be(1);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("said")]
    [InlineData("of")]
    [InlineData("1987")]
    [InlineData("mp")]
    [InlineData("сообщил")]
    public void StopWordsNumbersAndShortWordsAreNeverCandidates(string word) =>
        MoreLikeThis.Candidates($"{word} {word} {word}", null, $"{word} cocoa").Select(c => c.Word).Should().Equal("cocoa");

    [Fact]
    public void CaseDiacriticsAndPluralsCountAsOneWord()
    {
        var candidates = MoreLikeThis.Candidates("Zürich prices", "ZURICH price", "zurich Prices");

        candidates.Select(c => (c.Word, c.Weight)).Should().Equal(("zurich", 6.0), ("prices", 6.0));
    }

    [Fact]
    public void AtMostThirtyCandidates() =>
        MoreLikeThis.Candidates("", null, string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{(char)('a' + i % 26)}{(char)('a' + i / 26)}")))
            .Should().HaveCount(MoreLikeThis.MaxCandidates);

    [Fact]
    public void TheMostDistinctiveTermsAreChosenMostDistinctiveFirst()
    {
        var frequencies = new[]
        {
            Frequency("cocoa", 5, 40),
            Frequency("bahia", 3, 8),
            Frequency("arrivals", 2, 500),
            Frequency("temporao", 1, 2),
            Frequency("prices", 4, 9_000),  // in more than 30% of the archive: says little
            Frequency("unique", 9, 1),      // only the article itself
        };

        // cocoa 5 × ln(19000/40) = 30.8, bahia 23.3, temporao 9.2, arrivals 7.3.
        MoreLikeThis.Choose(frequencies, documents: 19_000, matchBudget: 100_000).Should().Equal("cocoa", "bahia", "temporao", "arrivals");
    }

    [Fact]
    public void NoWordTakesMoreThanAQuarterOfTheBudget() =>
        MoreLikeThis.Choose([Frequency("common", 9, 300), Frequency("rare", 1, 10)], documents: 1_000_000, matchBudget: 1_000)
            .Should().Equal("rare");

    [Fact]
    public void TheChosenWordsMatchesStayWithinTheBudget()
    {
        var frequencies = Enumerable.Range(0, 5).Select(i => Frequency($"w{i}", 10 - i, 29)).Append(Frequency("rarer", 1, 4));

        MoreLikeThis.Choose(frequencies, documents: 1_000_000, matchBudget: 120).Should().Equal(["w0", "w1", "w2", "w3", "rarer"],
            "w4 would take the matches past 120; the rarer word after it still fits");
    }

    [Fact]
    public void InASmallArchiveEveryWordCanCount() =>
        MoreLikeThis.Choose([Frequency("grain", 1, 5)], documents: 10, matchBudget: 12_000).Should().Equal("grain");

    [Fact]
    public void AtMostTwentyTerms() =>
        MoreLikeThis.Choose(Enumerable.Range(0, 30).Select(i => Frequency($"w{i}", 1, 10 + i)), 1_000_000, 1_000_000)
            .Should().HaveCount(MoreLikeThis.MaxTerms).And.StartWith("w0");

    [Fact]
    public void TheQueryIsAnyOfTheWordsEachQuoted() =>
        Fts5Renderer.Render(MoreLikeThis.Query(["cocoa", "bahia"])).Should().Be("(\"cocoa\" OR \"bahia\")");

    private static TermFrequency Frequency(string word, double weight, long documents) => new(new TermCandidate(word, weight), documents);
}
