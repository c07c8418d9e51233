using NewsWire.Core.Text;

namespace NewsWire.Core.Tests.Text;

public sealed class FoldingTests
{
    [Theory]
    [InlineData("Zürich", "zurich")]
    [InlineData("ZÜRICH", "zurich")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("Москва", "москва")]
    [InlineData("Ёлка", "елка")]
    [InlineData("Dubrovnik", "dubrovnik")]
    [InlineData("Œuvre", "œuvre")]
    [InlineData("Straße", "straße")]
    [InlineData("Łódź", "łodz")]
    [InlineData("", "")]
    [InlineData("😀 Émoji", "😀 emoji")]
    public void CaseAndDiacriticsFoldAway(string text, string folded) =>
        Folding.Fold(text).Should().Be(folded);

    [Fact]
    public void ALoneSurrogateFoldsToAReplacementCharacterInsteadOfThrowing()
    {
        // In code, not in InlineData: test discovery would turn a lone surrogate into other characters.
        Folding.Fold("a\uD800b").Should().Be("a\uFFFDb");
        Folding.Fold("\uDC00Zürich\uD83D").Should().Be("\uFFFDzurich\uFFFD");
    }

    [Theory]
    [InlineData("Zürich", "zu", true)]
    [InlineData("Zürich", "ZÜR", true)]
    [InlineData("Zürich", "zürich", true)]
    [InlineData("Zürich", "zürichs", false)]
    [InlineData("New York", "new y", true)]
    [InlineData("New York", "newy", false)]
    [InlineData("Москва", "МОС", true)]
    [InlineData("anything", "", true)]
    public void APrefixMatchesFoldedText(string text, string prefix, bool matches) =>
        Folding.StartsWithFolded(Folding.Fold(text), Folding.Fold(prefix)).Should().Be(matches);
}
