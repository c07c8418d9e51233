namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// Older copy marks a paragraph by indenting its first line, with no blank line. A line indented at least four
/// columns deeper than the rest of its block starts a paragraph; copy indented as a whole does not fall apart.
/// </summary>
public sealed class IndentedParagraphTests
{
    [Fact]
    public void AnIndentedLineStartsAParagraphAndUnindentedLinesContinueIt()
    {
        const string Text = "Headline\n\nFirst paragraph,\nwrapped.\n    Second paragraph,\nwrapped too.\n    Third.";

        Articles.Parse(Text).Paragraphs.Should().Equal("First paragraph, wrapped.", "Second paragraph, wrapped too.", "Third.");
    }

    [Fact]
    public void ATabIndentsEnoughToStartAParagraph() =>
        Articles.Parse("Headline\n\nFirst paragraph.\n\tSecond paragraph.").Paragraphs.Should().Equal("First paragraph.", "Second paragraph.");

    private static readonly string[] Body = ["First paragraph,", "wrapped.", "", "Second paragraph,", "wrapped too."];

    [Theory]
    [InlineData("    ")] // every line indented alike: the indentation says nothing
    [InlineData("\t")]
    [InlineData("        ")]
    public void CopyIndentedAsAWholeKeepsItsWrappedParagraphs(string indent)
    {
        var text = "Headline\n\n" + string.Join('\n', Body.Select(line => line.Length == 0 ? "" : indent + line));

        Articles.Parse(text).Paragraphs.Should().Equal("First paragraph, wrapped.", "Second paragraph, wrapped too.");
    }

    [Fact]
    public void AShallowIndentIsOnlyWrapping() =>
        Articles.Parse("Headline\n\nFirst paragraph,\n  wrapped with two spaces.").Paragraphs.Should().Equal("First paragraph, wrapped with two spaces.");

    [Fact]
    public void TheFirstLineMayBeIndentedToo() =>
        Articles.Parse("Headline\n\n    First paragraph,\nwrapped.\n    Second.").Paragraphs.Should().Equal("First paragraph, wrapped.", "Second.");
}
