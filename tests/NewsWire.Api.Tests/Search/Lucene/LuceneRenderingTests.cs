using Lucene.Net.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;
using NewsWire.Core.Tests.Search;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// What users type, and the Lucene query it becomes: the rows of the FTS5 renderer's table, rendered to
/// query objects (never a query string) with every token folded and stemmed by the index's analyzer. Each
/// row also runs against a small index.
/// </summary>
public sealed class LuceneRenderingTests(LuceneCorpusIndex corpus) : IClassFixture<LuceneCorpusIndex>
{
    [Theory]
    // Words: ANDed, folded and stemmed as the index stems them.
    [InlineData("refugees", "+refuge")]
    [InlineData("refugees Europe", "+refuge +europ")]
    [InlineData("   refugees \t  Europe  ", "+refuge +europ")]
    [InlineData("Refugees EUROPE", "+refuge +europ")]
    [InlineData("2015", "+2015")]
    [InlineData("G20 summit", "+g20 +summit")]
    [InlineData("1,000 graduates", "+\"1 000\" +graduat")]
    [InlineData("3.5%", "+\"3 5\"")]
    [InlineData("C++ C#", "+c +c")]
    [InlineData("recruiting negotiations", "+recruit +negoti")]
    // Phrases: adjacent tokens.
    [InlineData("\"Islamic State\"", "+\"islam state\"")]
    [InlineData("\"Islamic    State\"", "+\"islam state\"")]
    [InlineData("\"Islamic State\" refugees", "+\"islam state\" +refuge")]
    [InlineData("\"refugees\"", "+refuge")]
    [InlineData("\"Islamic State", "+\"islam state\"")]
    [InlineData("refugees \"Islamic", "+refuge +islam")]
    [InlineData("\"a, b; c!\"", "+\"a b c\"")]
    [InlineData("refugees \"\"", "+refuge")]
    [InlineData("abc\"def ghi\"", "+abc +\"def ghi\"")]
    [InlineData("x\"y", "+x +y")]
    // OR binds tighter than the implicit AND.
    [InlineData("refugees OR migrants", "+(refuge OR migrant)")]
    [InlineData("a b OR c", "+a +(b OR c)")]
    [InlineData("a OR b c", "+(a OR b) +c")]
    [InlineData("a OR b OR c", "+(a OR b OR c)")]
    [InlineData("a OR b c OR d", "+(a OR b) +(c OR d)")]
    [InlineData("\"Islamic State\" OR ISIL", "+(\"islam state\" OR isil)")]
    [InlineData("(refugees OR migrants) Europe", "+(refuge OR migrant) +europ")]
    // An OR that joins nothing is ignored; lower-case or is a word.
    [InlineData("refugees or migrants", "+refuge +or +migrant")]
    [InlineData("OR refugees", "+refuge")]
    [InlineData("refugees OR", "+refuge")]
    [InlineData("a OR OR b", "+(a OR b)")]
    [InlineData("a OR !!! b", "+(a OR b)")]
    // Exclusions: prohibited clauses.
    [InlineData("SCO -Damascus", "+sco -damascu")]
    [InlineData("SCO -Assad -Damascus", "+sco -assad -damascu")]
    [InlineData("refugees -\"Islamic State\"", "+refuge -\"islam state\"")]
    [InlineData("-Assad SCO", "-assad +sco")]
    [InlineData("refugees - Syria", "+refuge +syria")]
    [InlineData("refugees --Syria", "+refuge -syria")]
    [InlineData("a OR b -c", "+(a OR b) -c")]
    [InlineData("well-known", "+\"well known\"")]
    // Prefixes: stemmed like the index (refugees* is refuge*), bounded when expanded.
    [InlineData("refug*", "+refug*")]
    [InlineData("refugees*", "+refuge*")]
    [InlineData("беженц*", "+беженц*")]
    [InlineData("refug**", "+refug*")]
    [InlineData("(refug*)", "+refug*")]
    [InlineData("\"Islamic St\"*", "+\"islam st\"*")]
    [InlineData("a*b", "+\"a b\"")]
    [InlineData("-refug* SCO", "-refug* +sco")]
    [InlineData("U.S.*", "+\"u s\"*")]
    // Scopes: one field; other prefixes are text.
    [InlineData("headline:refugee", "+headline:refuge")]
    [InlineData("Headline:refugee", "+headline:refuge")]
    [InlineData("lead:refugees body:Assad place:Tashkent", "+lead:refuge +body:assad +place:tashkent")]
    [InlineData("headline:\"Islamic State\"", "+headline:\"islam state\"")]
    [InlineData("headline:recruit*", "+headline:recruit*")]
    [InlineData("-headline:refugee SCO", "-headline:refuge +sco")]
    [InlineData("headline:refugee OR place:Ankara", "+(headline:refuge OR place:ankara)")]
    [InlineData("headline: refugee", "+refuge")]
    [InlineData("headline:U.S.", "+headline:\"u s\"")]
    [InlineData("foo:bar", "+\"foo bar\"")]
    [InlineData("source:TASS", "+\"sourc tass\"")]
    [InlineData("http://x.org/a", "+\"http x org a\"")]
    // Everything at once.
    [InlineData("\"Islamic State\" recruit* -Assad headline:refugee OR place:Tashkent",
        "+\"islam state\" +recruit* -assad +(headline:refuge OR place:tashkent)")]
    // Query syntax of FTS5 and of Lucene's own parser is only text here.
    [InlineData("NOT", "+not")]
    [InlineData("refugees NOT Syria", "+refuge +not +syria")]
    [InlineData("a AND b", "+a +and +b")]
    [InlineData("NEAR(a b)", "+\"near a\" +b")]
    [InlineData("{headline}:x", "+\"headlin x\"")]
    [InlineData("^refugees +Europe", "+refuge +europ")]
    [InlineData("title:x~2 y^3 [a TO b]", "+\"titl x 2\" +\"y 3\" +a +to +b")]
    // Diacritics, scripts, apostrophes, abbreviations.
    [InlineData("Zürich", "+zurich")]
    [InlineData("ZÜRICH", "+zurich")]
    [InlineData("Zu\u0308rich", "+zurich")]
    [InlineData("беженцы Европа", "+беженцы +европа")]
    [InlineData("U.S.", "+\"u s\"")]
    [InlineData("don't", "+\"don t\"")]
    [InlineData("don\u2019t", "+\"don t\"")]
    [InlineData("北京 难民", "+北京 +难民")]
    [InlineData("لاجئين", "+لاجئين")]
    // Hostile bytes: separators, never tokens.
    [InlineData("refugees \U0001F642", "+refuge")]
    [InlineData("refugees\u0000OR\u0000migrants", "+(refuge OR migrant)")]
    [InlineData("\uD800refugees\uDC00", "+refuge")]
    [InlineData("a\u00A0b", "+a +b")]
    [InlineData("a\u0007b", "+a +b")]
    public void EachQueryRendersToThisLuceneQueryAndRuns(string q, string expected)
    {
        var query = QueryDescription.Render(q);

        QueryDescription.Of(query).Should().Be(expected);
        corpus.Invoking(c => c.Engine.Search(Requests.For(q))).Should().NotThrow();
    }

    [Fact]
    public void EachFieldCarriesItsWeightAsABoost()
    {
        var query = (BooleanQuery)((BooleanQuery)QueryDescription.Render("refugees")).Clauses.Single().Query;

        query.Clauses.Select(c => (((TermQuery)c.Query).Term.Field, c.Query.Boost))
            .Should().Equal(("headline", 10f), ("lead", 4f), ("body", 1f), ("place", 2f));
        ((BooleanQuery)QueryDescription.Render("lead:refugees")).Clauses.Single().Query.Boost.Should().Be(4f);
    }

    [Fact]
    public void OtherWeightsCanBeGiven()
    {
        var parsed = SearchQueryParser.Parse("headline:refugees").Query!;

        LuceneQueryRenderer.Render(parsed, new FieldWeights(Headline: 1)).Should()
            .BeOfType<BooleanQuery>().Which.Clauses.Single().Query.Boost.Should().Be(1f);
    }

    [Fact]
    public void AnExcludedOrGroupBuiltByHandIsOneProhibitedClause()
    {
        var query = new SearchQuery(
        [
            SearchClause.Of(SearchTerm.Word("SCO")),
            new SearchClause([SearchTerm.Word("Assad"), SearchTerm.Word("Syria")], IsExcluded: true),
            SearchClause.Of(SearchTerm.Word("Tashkent", SearchColumn.Place), isExcluded: true),
        ]);

        QueryDescription.Of(LuceneQueryRenderer.Render(query)).Should().Be("+sco -(assad OR syria) -place:tashkent");
    }

    [Fact]
    public void HandPickedHostileInputsGiveAnErrorOrAQueryThatRuns()
    {
        var failures = QueryFuzzer.Hostile().Select(Check).OfType<string>().ToList();

        failures.Should().BeEmpty();
    }

    [Fact]
    public void FiveThousandRandomInputsGiveAnErrorOrAQueryThatRuns()
    {
        var random = new Random(20150918);
        var failures = Enumerable.Range(0, 5000).Select(_ => QueryFuzzer.Next(random)).Select(Check).OfType<string>().ToList();

        failures.Should().BeEmpty();
    }

    /// <summary>Null when the input is a parse error or a search that runs (with every facet); otherwise what went wrong.</summary>
    private string? Check(string q)
    {
        try
        {
            var parsed = SearchQueryParser.Parse(q);
            if (parsed.IsValid)
            {
                corpus.Engine.Search(new Api.Search.SearchRequest(parsed.Query, Requests.NoFilter, Api.Search.SearchSort.Relevance, 20, 0,
                    Enum.GetValues<Api.Search.Facet>().ToHashSet()));
            }

            return null;
        }
        catch (Exception e)
        {
            return $"{string.Concat(q.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()))}: {e.GetType().Name} {e.Message}";
        }
    }
}
