using NewsWire.Core.Text;

namespace NewsWire.Core.Tests.Text;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("  Islamic State terrorist\u00A0 organization ", "Islamic State terrorist organization")]
    [InlineData("a\tb\u2009c\u3000d", "a b c d")]
    [InlineData("\uFEFFHeadline", "Headline")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("sentinel\uE000s\uE001 gone", "sentinels gone")]
    [InlineData("“Typographic” quotes ‘stay’ — as written", "“Typographic” quotes ‘stay’ — as written")]
    [InlineData("", "")]
    [InlineData(" \u00A0 ", "")]
    public void NormalizeLineFoldsEverySpaceAndTrims(string input, string expected) =>
        PlainText.NormalizeLine(input).Should().Be(expected);

    [Fact]
    public void ParagraphsAreSplitOnBlankLinesAndWrappedLinesJoined()
    {
        var body = "First line\nwraps here.\r\n\r\n\r\nSecond paragraph.\n   \nThird.";

        PlainText.SplitParagraphs(body).Should().Equal("First line wraps here.", "Second paragraph.", "Third.");
    }

    [Fact]
    public void AnIndentedLineStartsAParagraphAsOnOlderWires()
    {
        var body = "Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means the temporao will be late.\n    Arrivals for the week\nended February 22.";

        PlainText.SplitParagraphs(body).Should().Equal(
            "Showers continued throughout the week in the Bahia cocoa zone.",
            "The dry period means the temporao will be late.",
            "Arrivals for the week ended February 22.");
    }

    [Theory]
    [InlineData("plain text\twith tab\r\n", false)]
    [InlineData("bell\u0007", true)]
    [InlineData("nul\0", true)]
    [InlineData("c1\u0085", true)]
    [InlineData("replacement \uFFFD", true)]
    public void ControlCharactersAreDetected(string text, bool expected) =>
        PlainText.HasControlCharacters(text).Should().Be(expected);

    [Theory]
    [InlineData("Поток беженцев в Европу", true)]
    [InlineData("Refugees in Europe", false)]
    [InlineData("ТАСС reports on the EU refugee flow today", false)]
    [InlineData("12345 !!!", false)]
    public void CyrillicIsDetectedByMajority(string text, bool expected) =>
        PlainText.IsMostlyCyrillic(text).Should().Be(expected);

    [Fact]
    public void WordsAreCountedAcrossParagraphs() =>
        PlainText.CountWords(["one two  three", "four"]).Should().Be(4);
}
