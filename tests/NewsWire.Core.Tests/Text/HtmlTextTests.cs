using NewsWire.Core.Text;

namespace NewsWire.Core.Tests.Text;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One.</p><p>Two.</p>", "One.\n\nTwo.\n\n")]
    [InlineData("Line<br>break<br/>and<BR />more", "Line\n\nbreak\n\nand\n\nmore")]
    [InlineData("a<script>alert(1)</script>b<STYLE type=\"x\">p{}</style >c", "a b c")]
    [InlineData("<b>Bold</b> &amp; <i>italic</i> &lt;tag&gt;", "Bold & italic <tag>")]
    [InlineData("<h2>Sub</h2>text", "Sub\n\ntext")]
    [InlineData("no markup", "no markup")]
    public void TagsGoBlockEndsBreakAndEntitiesAreDecoded(string html, string expected) =>
        HtmlText.ToPlainText(html).Should().Be(expected);

    /// <summary>Inputs that took quadratic time (and then threw a timeout) with backtracking patterns.</summary>
    [Theory]
    [InlineData("<script>", 200_000)]
    [InlineData("<", 1_000_000)]
    [InlineData("<style a", 100_000)]
    public void HostileMarkupIsTurnedIntoTextWithoutThrowing(string piece, int repeats)
    {
        var html = string.Concat(Enumerable.Repeat(piece, repeats));

        var act = () => HtmlText.ToPlainText(html);

        act.Should().NotThrow();
    }
}
