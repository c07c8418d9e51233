using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

public sealed class HighlightsTests(NewsIndex index) : IClassFixture<NewsIndex>
{
    private const char Open = Highlights.OpenSentinel;
    private const char Close = Highlights.CloseSentinel;

    [Fact]
    public void TheSentinelsArePrivateUseCharacters()
    {
        Highlights.OpenSentinel.Should().Be('\uE000');
        Highlights.CloseSentinel.Should().Be('\uE001');
    }

    [Fact]
    public void SentinelsInTheMiddleOfTextBecomeMarks()
    {
        Highlights.ToHtml($"The flow of {Open}refugees{Close} will grow", Open, Close)
            .Should().Be("The flow of <mark>refugees</mark> will grow");
    }

    [Fact]
    public void MarkupInTheTextIsEscapedAndOnlyTheSentinelsBecomeTags()
    {
        Highlights.ToHtml($"{Open}Markup{Close} in copy <script>alert('x')</script> & \"quotes\"", Open, Close)
            .Should().Be("<mark>Markup</mark> in copy &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    }

    [Fact]
    public void EscapedEntitiesInTheTextAreEscapedAgain()
    {
        Highlights.ToHtml("AT&amp;T &lt;b&gt;", Open, Close).Should().Be("AT&amp;amp;T &amp;lt;b&amp;gt;");
    }

    [Theory]
    [InlineData("\uE000refugees", "<mark>refugees</mark>")] // the snippet ended inside a match
    [InlineData("refugees\uE001 grow", "refugees grow")] // the snippet began inside a match
    [InlineData("\uE000a\uE000b\uE001c", "<mark>ab</mark>c")] // an open inside a mark
    [InlineData("a\uE001\uE001b", "ab")]
    [InlineData("\uE000\uE001", "<mark></mark>")]
    [InlineData("\uE000a\uE001 \uE000b\uE001", "<mark>a</mark> <mark>b</mark>")]
    [InlineData("", "")]
    public void MarksAreAlwaysBalanced(string text, string html)
    {
        Highlights.ToHtml(text, Open, Close).Should().Be(html);
    }

    [Fact]
    public void OtherSentinelsCanBeChosen()
    {
        Highlights.ToHtml("[a] <b>", '[', ']').Should().Be("<mark>a</mark> &lt;b&gt;");
    }

    [Fact]
    public void Fts5HighlightOutputBecomesMarkedHtml()
    {
        var raw = index.Highlight(Fts5Renderer.Render(SearchQueryParser.Parse("negotiate envoy").Query!), 2);

        Highlights.ToHtml(raw, Open, Close).Should().Be(
            "&quot;We don&#39;t <mark>negotiate</mark>,&quot; the <mark>envoy</mark> told reporters in &lt;Geneva&gt; &amp; Vienna.");
    }

    [Fact]
    public void APhraseIsMarkedAsOneSpan()
    {
        var raw = index.Highlight(Fts5Renderer.Render(SearchQueryParser.Parse("\"Islamic State\"").Query!), 0);

        Highlights.ToHtml(raw, Open, Close).Should().Contain("<mark>Islamic State</mark>");
    }
}
