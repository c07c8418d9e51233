using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>Marks land where the index matched, whatever Porter did to the word's ending; the rest is escaped.</summary>
public sealed class LuceneHighlighterTests
{
    [Theory]
    [InlineData("possible", "The possibility was small.", "The <mark>possibility</mark> was small.")]
    [InlineData("happy", "Happiness is a warm gun.", "<mark>Happiness</mark> is a warm gun.")]
    [InlineData("general", "Sweeping generalizations abound.", "Sweeping <mark>generalizations</mark> abound.")]
    [InlineData("relational", "Relate the relational model.", "<mark>Relate</mark> the <mark>relational</mark> model.")]
    [InlineData("Zürich", "ZURICH and Zu\u0308rich", "<mark>ZURICH</mark> and <mark>Zu\u0308rich</mark>")]
    [InlineData("беженц*", "Беженцы и беженцев", "<mark>Беженцы</mark> и <mark>беженцев</mark>")]
    [InlineData("U.S.", "The U.S. and us", "The <mark>U.S</mark>. and us")]
    [InlineData("\"trade deficit\"", "Trade deficit, trade and deficit", "<mark>Trade deficit</mark>, trade and deficit")]
    [InlineData("refugees -Assad", "Assad and refugees", "Assad and <mark>refugees</mark>")]
    [InlineData("<b>", "a <b> tag & \"quotes\"", "a &lt;<mark>b</mark>&gt; tag &amp; &quot;quotes&quot;")]
    public void TheHeadlineIsMarkedWhereTheIndexMatches(string q, string headline, string expected)
    {
        Highlighter(q).Headline(headline).Should().Be(expected);
    }

    [Fact]
    public void TheSnippetIsTheBestWindowOfTheBodyCutWithEllipses()
    {
        var body = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"w{i}")) + " refugees crossed the border. "
            + string.Join(' ', Enumerable.Range(60, 60).Select(i => $"w{i}"));

        var snippet = Highlighter("refugees").Snippet(body);

        snippet.Should().StartWith("…w57 w58 w59 <mark>refugees</mark> crossed").And.EndWith("…");
        snippet.Split(' ').Should().HaveCount(LuceneHighlighter.SnippetTokens);
    }

    [Fact]
    public void AWindowWithMoreDifferentTermsWinsOverOneWithMoreOfTheSame()
    {
        var body = "oil oil oil oil " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")) + " oil prices rose";

        Highlighter("oil prices").Snippet(body).Should().Contain("<mark>oil</mark> <mark>prices</mark> rose").And.StartWith("…");
    }

    [Fact]
    public void ABodyWithoutMatchesGivesItsOpeningAndAnEmptyBodyNothing()
    {
        Highlighter("refugees").Snippet("Short body, no match.").Should().Be("Short body, no match.");
        Highlighter("refugees").Snippet("").Should().BeEmpty();
    }

    [Fact]
    public void StraySentinelsInTheTextNeverBecomeMarks()
    {
        Highlighter("refugees").Headline("\uE000x\uE001 refugees").Should().Be("x <mark>refugees</mark>");
    }

    private static LuceneHighlighter Highlighter(string q) => new(SearchQueryParser.Parse(q).Query!);
}
