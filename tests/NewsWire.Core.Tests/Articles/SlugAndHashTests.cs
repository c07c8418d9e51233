using NewsWire.Core.Articles;

namespace NewsWire.Core.Tests.Articles;

public sealed class SlugAndHashTests
{
    [Theory]
    [InlineData("Russian Security Service: Refugee crisis used by Islamic State to send people to Europe",
        "russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe")]
    [InlineData("Zürich bank fined", "zurich-bank-fined")]
    [InlineData("Russia’s support for Assad", "russias-support-for-assad")]
    [InlineData("Беженцы прибывают в Европу", "bezhentsy-pribyvayut-v-evropu")]
    [InlineData("  --Oil   prices!!  ", "oil-prices")]
    [InlineData("İstanbul and İzmir ﬁnance Straße Ærø Łódź", "istanbul-and-izmir-finance-strasse-aero-lodz")]
    [InlineData("2024", "article-2024")]
    [InlineData("!!!", "article")]
    [InlineData("中国经济", "article")]
    public void SlugsAreReadableAsciiWithALetter(string headline, string expected) =>
        Slugs.FromHeadline(headline, 100).Should().Be(expected);

    [Fact]
    public void LongSlugsAreCutAtAWordBoundary() =>
        Slugs.FromHeadline("alpha beta gamma delta", 13).Should().Be("alpha-beta");

    [Fact]
    public void TheHashIgnoresCaseSpacingAndParagraphBreaks()
    {
        var a = ContentHash.Compute("TASS", "Refugee crisis", ["One paragraph.", "Two."]);
        var b = ContentHash.Compute("tass", " refugee  CRISIS ", ["One  paragraph. Two."]);

        a.Should().Be(b).And.HaveLength(64);
    }

    [Theory]
    [InlineData("Reuters", "Refugee crisis", "One paragraph.")]
    [InlineData("TASS", "Refugee crises", "One paragraph.")]
    [InlineData("TASS", "Refugee crisis", "One paragraph!")]
    public void AnyRealDifferenceChangesTheHash(string source, string headline, string body) =>
        ContentHash.Compute(source, headline, [body]).Should().NotBe(ContentHash.Compute("TASS", "Refugee crisis", ["One paragraph."]));
}
