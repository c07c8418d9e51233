using System.Text;
using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>
/// The parser cuts words into tokens the way FTS5's unicode61 tokenizer does. Compared on text of the
/// scripts NewsWire carries; FTS5's tokens are lower case, ours keep the case the user typed.
/// </summary>
/// <remarks>
/// SQLite's character tables predate many emoji, and it takes code points they lack for token characters:
/// 😀 (U+1F600, Unicode 6.1) separates words in FTS5 while 🙂 (U+1F642, Unicode 7.0) does not. The parser
/// treats every emoji as a separator, so the random text here uses only the old ones.
/// </remarks>
public sealed class TokenizerAgreementTests(NewsIndex index) : IClassFixture<NewsIndex>
{
    private static readonly string[] Pieces =
    [
        " ", " ", "a", "Z", "q", "7", "2015", "é", "Ü", "ß", "ñ", "ø", "e\u0301", "\u0301", "ж", "Ё", "беженцев",
        "北京", "ل", "ئ", "'", "’", ".", ",", "-", "_", "*", ":", "(", "%", "&", "/", "\U0001F600", "\u00A0", "\t",
        "\uE000", "\U0001D400",
    ];

    [Theory]
    [InlineData("U.S.", new[] { "u", "s" })]
    [InlineData("don't", new[] { "don", "t" })]
    [InlineData("e-mail", new[] { "e", "mail" })]
    [InlineData("1,000.5", new[] { "1", "000", "5" })]
    [InlineData("snake_case", new[] { "snake", "case" })]
    [InlineData("Zu\u0308rich", new[] { "zu\u0308rich" })]
    [InlineData("北京难民", new[] { "北京难民" })]
    [InlineData("\U0001F600refugees\U0001F600", new[] { "refugees" })]
    public void TheIndexCutsTheseWordsAsTheParserDoes(string text, string[] fts5Tokens)
    {
        index.Fts5Tokens(text).Should().Equal(fts5Tokens);
        ParserTokens(text).Select(t => t.ToLowerInvariant()).Should().Equal(fts5Tokens);
    }

    [Fact]
    public void TwoThousandRandomTextsAreCutAsFts5CutsThem()
    {
        var random = new Random(18092015);
        var disagreements = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var ours = ParserTokens(text.ToString()).Select(t => t.ToLowerInvariant()).ToList();
            var theirs = index.Fts5Tokens(text.ToString());
            if (!ours.SequenceEqual(theirs))
            {
                disagreements.Add($"{text}: [{string.Join('|', ours)}] vs FTS5 [{string.Join('|', theirs)}]");
            }
        }

        disagreements.Should().BeEmpty();
    }

    /// <summary>The tokens of text read as one phrase: a lone quote runs to the end, so nothing else is syntax.</summary>
    private static List<string> ParserTokens(string text)
    {
        var parsed = SearchQueryParser.Parse("\"" + text);
        return parsed.IsValid ? [.. parsed.Query.Clauses.Single().Alternatives.Single().Tokens] : [];
    }
}
