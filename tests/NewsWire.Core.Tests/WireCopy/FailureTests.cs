using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>Text that is not an article: one error under "body" that says what is missing or wrong.</summary>
public sealed class FailureTests
{
    private static readonly string LongHeadline = string.Join(' ', Enumerable.Repeat("Refugees", 56)); // 503 characters

    /// <summary>Inputs by name (control characters make poor test names), with a piece of the expected message.</summary>
    private static readonly Dictionary<string, (string Text, string Message)> Cases = new()
    {
        ["nothing"] = ("", "The wire copy is empty."),
        ["spaces, tabs, no-break spaces and blank lines"] = (" \t\r\n\u00A0\n\n  \r\n", "The wire copy is empty."),
        ["only a byte-order mark"] = ("\uFEFF\n", "The wire copy is empty."),
        ["a NUL byte"] = ("Headline\n\nBody \0 with a NUL", "looks like binary data, not text: it contains the control character U+0000 at character 16"),
        ["a bell character"] = ("Headline\n\nBody \u0007 rings", "looks like binary data, not text: it contains the control character U+0007"),
        ["an escape character"] = ("\u001B[1mHeadline\n\nBody.", "looks like binary data, not text"),
        ["replacement characters from invalid UTF-8"] = ("Headline\n\nCaf\uFFFD au lait.", "looks like binary data, not text: it contains U+FFFD (left by invalid UTF-8)"),
        ["only a headline"] = ("Only a headline", "The wire copy has a headline but no body"),
        ["a headline with a lead-like line"] = ("Headline\n\n", "The wire copy has a headline but no body"),
        ["breadcrumb, headline and a bare dateline"] = ("All news\n\nRefugee crisis grows\n\nTASHKENT, September 18. /TASS/.", "The wire copy has a headline but no body"),
        ["the dateline paragraph first"] = ("TASHKENT, September 18. /TASS/. The Islamic State takes advantage of refugees.\n\nMore text.",
            "The wire copy has no headline: it starts with the dateline paragraph ('TASHKENT, September 18. /TASS/.')"),
        ["a first block too long for a headline"] = (LongHeadline + "\n\nBody.", "the block where the headline belongs is 503 characters, and a headline is at most 500, so this is probably body text"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TextThatIsNoArticleFailsUnderBodyWithAMessageSayingWhy(string name)
    {
        var (text, message) = Cases[name];

        var result = WireCopyParser.Parse(text);

        result.IsValid.Should().BeFalse();
        result.Article.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Key.Should().Be("body");
        result.Errors["body"].Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public void TextOverMaxLengthFailsWithItsLengthAndTheLimit()
    {
        var text = Stories.Tass + new string(' ', WireCopyParser.MaxLength + 1 - Stories.Tass.Length);

        var result = WireCopyParser.Parse(text);

        result.Errors["body"].Should().Equal("The wire copy is 1,000,001 characters; the limit is 1,000,000.");
    }

    [Fact]
    public void TextOfExactlyMaxLengthIsParsed()
    {
        var text = Stories.Tass + new string('\n', WireCopyParser.MaxLength - Stories.Tass.Length);

        WireCopyParser.Parse(text).IsValid.Should().BeTrue();
    }

    [Fact]
    public void AHeadlineOfExactlyFiveHundredCharactersIsStillAHeadline()
    {
        var headline = new string('H', WireCopyParser.MaxHeadlineLength);

        Articles.Parse(headline + "\n\nThe body.").Headline.Should().HaveLength(500);
    }

    [Fact]
    public void TabsAndLineEndingsAreNotBinary() =>
        Articles.Parse("Headline\r\n\r\n\tBody\twith tabs.\r").Paragraphs.Should().Equal("Body with tabs.");
}
