using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>What users type, and the FTS5 expression it becomes. Every row is also run against SQLite.</summary>
public sealed class RenderingTests(NewsIndex index) : IClassFixture<NewsIndex>
{
    [Theory]
    // Words: ANDed, as typed (FTS5 folds case and diacritics itself).
    [InlineData("refugees", "\"refugees\"")]
    [InlineData("refugees Europe", "\"refugees\" AND \"Europe\"")]
    [InlineData("   refugees \t  Europe  ", "\"refugees\" AND \"Europe\"")]
    [InlineData("Refugees EUROPE", "\"Refugees\" AND \"EUROPE\"")]
    [InlineData("2015", "\"2015\"")]
    [InlineData("G20 summit", "\"G20\" AND \"summit\"")]
    [InlineData("1,000 graduates", "\"1 000\" AND \"graduates\"")]
    [InlineData("3.5%", "\"3 5\"")]
    [InlineData("C++ C#", "\"C\" AND \"C\"")]
    // Phrases: one quoted string, which FTS5 matches as adjacent tokens.
    [InlineData("\"Islamic State\"", "\"Islamic State\"")]
    [InlineData("\"Islamic    State\"", "\"Islamic State\"")]
    [InlineData("\"Islamic State\" refugees", "\"Islamic State\" AND \"refugees\"")]
    [InlineData("\"refugees\"", "\"refugees\"")]
    [InlineData("\"Islamic State", "\"Islamic State\"")]
    [InlineData("refugees \"Islamic", "\"refugees\" AND \"Islamic\"")]
    [InlineData("\"a, b; c!\"", "\"a b c\"")]
    [InlineData("refugees \"\"", "\"refugees\"")]
    [InlineData("abc\"def ghi\"", "\"abc\" AND \"def ghi\"")]
    [InlineData("x\"y", "\"x\" AND \"y\"")]
    // OR binds tighter than the implicit AND, as in web search.
    [InlineData("refugees OR migrants", "(\"refugees\" OR \"migrants\")")]
    [InlineData("a b OR c", "\"a\" AND (\"b\" OR \"c\")")]
    [InlineData("a OR b c", "(\"a\" OR \"b\") AND \"c\"")]
    [InlineData("a OR b OR c", "(\"a\" OR \"b\" OR \"c\")")]
    [InlineData("a OR b c OR d", "(\"a\" OR \"b\") AND (\"c\" OR \"d\")")]
    [InlineData("\"Islamic State\" OR ISIL", "(\"Islamic State\" OR \"ISIL\")")]
    [InlineData("(refugees OR migrants) Europe", "(\"refugees\" OR \"migrants\") AND \"Europe\"")]
    // An OR that joins nothing is ignored; lower-case or is a word.
    [InlineData("refugees or migrants", "\"refugees\" AND \"or\" AND \"migrants\"")]
    [InlineData("OR refugees", "\"refugees\"")]
    [InlineData("refugees OR", "\"refugees\"")]
    [InlineData("a OR OR b", "(\"a\" OR \"b\")")]
    [InlineData("a OR !!! b", "(\"a\" OR \"b\")")]
    // Exclusions: one NOT after the positive part, exclusions ORed under it.
    [InlineData("SCO -Damascus", "\"SCO\" NOT \"Damascus\"")]
    [InlineData("SCO -Assad -Damascus", "\"SCO\" NOT (\"Assad\" OR \"Damascus\")")]
    [InlineData("SCO Astana -Assad", "(\"SCO\" AND \"Astana\") NOT \"Assad\"")]
    [InlineData("refugees -\"Islamic State\"", "\"refugees\" NOT \"Islamic State\"")]
    [InlineData("-Assad SCO", "\"SCO\" NOT \"Assad\"")]
    [InlineData("refugees - Syria", "\"refugees\" AND \"Syria\"")]
    [InlineData("refugees --Syria", "\"refugees\" NOT \"Syria\"")]
    [InlineData("a OR b -c", "(\"a\" OR \"b\") NOT \"c\"")]
    [InlineData("well-known", "\"well known\"")]
    // Prefixes: the star goes on the last token.
    [InlineData("refug*", "\"refug\"*")]
    [InlineData("беженц*", "\"беженц\"*")]
    [InlineData("refug**", "\"refug\"*")]
    [InlineData("(refug*)", "\"refug\"*")]
    [InlineData("\"Islamic St\"*", "\"Islamic St\"*")]
    [InlineData("a*b", "\"a b\"")]
    [InlineData("-refug* SCO", "\"SCO\" NOT \"refug\"*")]
    [InlineData("U.S.*", "\"U S\"*")]
    // Scopes: the four columns, in any case; other prefixes are text.
    [InlineData("headline:refugee", "headline : \"refugee\"")]
    [InlineData("Headline:refugee", "headline : \"refugee\"")]
    [InlineData("lead:refugees body:Assad place:Tashkent", "lead : \"refugees\" AND body : \"Assad\" AND place : \"Tashkent\"")]
    [InlineData("headline:\"Islamic State\"", "headline : \"Islamic State\"")]
    [InlineData("headline:recruit*", "headline : \"recruit\"*")]
    [InlineData("-headline:refugee SCO", "\"SCO\" NOT headline : \"refugee\"")]
    [InlineData("headline:refugee OR place:Ankara", "(headline : \"refugee\" OR place : \"Ankara\")")]
    [InlineData("headline: refugee", "\"refugee\"")]
    [InlineData("headline:U.S.", "headline : \"U S\"")]
    [InlineData("foo:bar", "\"foo bar\"")]
    [InlineData("source:TASS", "\"source TASS\"")]
    [InlineData("http://x.org/a", "\"http x org a\"")]
    [InlineData("a:b:c", "\"a b c\"")]
    // Everything at once.
    [InlineData("\"Islamic State\" recruit* -Assad headline:refugee OR place:Tashkent",
        "(\"Islamic State\" AND \"recruit\"* AND (headline : \"refugee\" OR place : \"Tashkent\")) NOT \"Assad\"")]
    // FTS5's own syntax is only text here.
    [InlineData("NOT", "\"NOT\"")]
    [InlineData("refugees NOT Syria", "\"refugees\" AND \"NOT\" AND \"Syria\"")]
    [InlineData("a AND b", "\"a\" AND \"AND\" AND \"b\"")]
    [InlineData("NEAR(a b)", "\"NEAR a\" AND \"b\"")]
    [InlineData("{headline}:x", "\"headline x\"")]
    [InlineData("^refugees +Europe", "\"refugees\" AND \"Europe\"")]
    // Diacritics, scripts, apostrophes, abbreviations: tokens as FTS5 cuts them.
    [InlineData("Zürich", "\"Zürich\"")]
    [InlineData("zurich", "\"zurich\"")]
    [InlineData("Zu\u0308rich", "\"Zu\u0308rich\"")]
    [InlineData("беженцы Европа", "\"беженцы\" AND \"Европа\"")]
    [InlineData("U.S.", "\"U S\"")]
    [InlineData("don't", "\"don t\"")]
    [InlineData("don\u2019t", "\"don t\"")]
    [InlineData("北京 难民", "\"北京\" AND \"难民\"")]
    [InlineData("لاجئين", "\"لاجئين\"")]
    [InlineData("\U0001D400\U0001D401", "\"\U0001D400\U0001D401\"")]
    // Hostile bytes: separators, never tokens.
    [InlineData("refugees \U0001F642", "\"refugees\"")]
    [InlineData("refugees\u0000OR\u0000migrants", "(\"refugees\" OR \"migrants\")")]
    [InlineData("\uD800refugees\uDC00", "\"refugees\"")]
    [InlineData("a\u00A0b", "\"a\" AND \"b\"")]
    [InlineData("a\u0007b", "\"a\" AND \"b\"")]
    public void EachQueryRendersToThisFts5ExpressionAndSqliteAcceptsIt(string q, string expected)
    {
        var parsed = SearchQueryParser.Parse(q);

        parsed.Error.Should().BeNull();
        var expression = Fts5Renderer.Render(parsed.Query!);
        expression.Should().Be(expected);
        index.Invoking(i => i.Match(expression)).Should().NotThrow();
    }

    [Fact]
    public void AQuoteInsideAHandBuiltTokenIsDoubled()
    {
        var query = new SearchQuery([SearchClause.Of(SearchTerm.Word("say\"what"))]);

        Fts5Renderer.Render(query).Should().Be("\"say\"\"what\"");
    }

    [Fact]
    public void AnExcludedOrGroupBuiltByHandRendersInsideTheNot()
    {
        var query = new SearchQuery(
        [
            SearchClause.Of(SearchTerm.Word("SCO")),
            new SearchClause([SearchTerm.Word("Assad"), SearchTerm.Word("Syria")], IsExcluded: true),
            SearchClause.Of(SearchTerm.Word("Tashkent", SearchColumn.Place), isExcluded: true),
        ]);

        var expression = Fts5Renderer.Render(query);

        expression.Should().Be("\"SCO\" NOT ((\"Assad\" OR \"Syria\") OR place : \"Tashkent\")");
        index.Match(expression).Should().Equal(NewsIndex.Astana);
    }
}
