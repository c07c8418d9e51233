using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>Parsing and comparing articles in tests.</summary>
public static class Articles
{
    /// <summary>Parses text that must be an article; the failure message shows the parser's errors.</summary>
    public static ParsedArticle Parse(string text)
    {
        var result = WireCopyParser.Parse(text);
        result.IsValid.Should().BeTrue(string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.Article!;
    }

    /// <summary>
    /// Field by field, lists in order. Records compare their lists by reference, so equality alone would fail
    /// two equal articles.
    /// </summary>
    public static void ShouldBeSameArticleAs(this ParsedArticle actual, ParsedArticle expected) =>
        actual.Should().BeEquivalentTo(expected, options => options
            .ComparingByMembers<ParsedArticle>()
            .ComparingByMembers<ArticleSection>()
            .WithStrictOrdering());
}
