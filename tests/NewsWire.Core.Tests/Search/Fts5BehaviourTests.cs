using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>
/// What a parsed, rendered query finds in a real FTS5 table with the API's tokenizer
/// (porter unicode61 remove_diacritics 2): the behaviour users see, including what Porter does and does not.
/// </summary>
public sealed class Fts5BehaviourTests(NewsIndex index) : IClassFixture<NewsIndex>
{
    [Fact]
    public void RefugeeFindsRefugeesBecausePorterStemsThePlural()
    {
        index.Search("refugee").Should().Contain(NewsIndex.Ankara, "its only mention is \"refugees\"");
    }

    [Fact]
    public void RecruitingAndRecruitmentShareTheStemRecruit()
    {
        // Porter takes -ing off recruiting and -ment off recruitment: both index as "recruit". The TASS story
        // says only "recruiting", the Zürich one only "recruitment".
        index.Search("recruiting").Should().Equal(NewsIndex.Tass, NewsIndex.Zurich);
        index.Search("recruitment").Should().Equal(NewsIndex.Tass, NewsIndex.Zurich);
        index.Search("recruit").Should().Equal(NewsIndex.Tass, NewsIndex.Zurich);
    }

    [Theory]
    [InlineData("run", NewsIndex.Tass)] // "running away"
    [InlineData("minister", NewsIndex.Astana)] // "ministers"
    [InlineData("negotiations", NewsIndex.Envoy)] // "negotiate": both negoti
    [InlineData("organizations", NewsIndex.Tass)] // "organization": both organ
    public void PorterJoinsRegularInflections(string q, string found)
    {
        index.Search(q).Should().Contain(found);
    }

    [Theory]
    [InlineData("European", NewsIndex.Tass)] // "Europe": europ, but european stays european
    [InlineData("Europe", NewsIndex.Astana)] // "European observers"
    [InlineData("crises", NewsIndex.Tass)] // "crisis": crisi, but crises is crise
    [InlineData("child", NewsIndex.Emergency)] // "children": irregular plurals are not stemmed
    [InlineData("Syria", NewsIndex.Tass)] // "Syrian": syrian, not syria
    [InlineData("беженцы", NewsIndex.Russian)] // "беженцев": Porter is English only, Russian is not stemmed
    public void PorterLeavesDerivedAndIrregularFormsApart(string q, string notFound)
    {
        index.Search(q).Should().NotContain(notFound);
    }

    [Fact]
    public void APrefixBridgesWhatPorterLeavesApart()
    {
        index.Search("Europ*").Should().Contain([NewsIndex.Tass, NewsIndex.Astana]);
        index.Search("беженц*").Should().Equal(NewsIndex.Russian);
    }

    [Fact]
    public void APrefixIsStemmedBeforeItIsMatched()
    {
        // FTS5 runs the query's prefix token through Porter too: refugees* becomes refuge*, which still finds
        // "refugee", and organizations* becomes organ*.
        index.Search("refugees*").Should().Contain(NewsIndex.Tass);
        index.Search("recruiting*").Should().Equal(NewsIndex.Tass, NewsIndex.Zurich);
    }

    [Theory]
    [InlineData("zurich")]
    [InlineData("Zurich")]
    [InlineData("ZÜRICH")]
    [InlineData("Zu\u0308rich")]
    public void ZurichFindsZürichWhateverTheCaseAndAccents(string q)
    {
        index.Search(q).Should().Equal(NewsIndex.Zurich);
    }

    [Fact]
    public void CyrillicFoldsCase()
    {
        index.Search("place:москва").Should().Equal(NewsIndex.Russian);
        index.Search("ПОТОК").Should().Equal(NewsIndex.Russian);
    }

    [Fact]
    public void APhraseMatchesOnlyAdjacentWords()
    {
        index.Search("\"Islamic State\"").Should().Equal(NewsIndex.Tass);
        index.Search("Islamic State").Should().Equal(NewsIndex.Tass, NewsIndex.Emergency);
    }

    [Fact]
    public void ExcludingAWordTheReportDoesNotMentionKeepsIt()
    {
        index.Search("SCO -Damascus").Should().Equal(NewsIndex.Tass);
    }

    [Fact]
    public void ExcludingAWordTheReportMentionsLeavesItOut()
    {
        index.Search("SCO -Assad").Should().Equal(NewsIndex.Astana);
        index.Search("SCO -Assad -Damascus").Should().BeEmpty();
    }

    [Fact]
    public void AHeadlineScopeLooksOnlyAtHeadlines()
    {
        index.Search("headline:refugee").Should().Equal(NewsIndex.Tass);
        index.Search("refugee").Should().Equal(NewsIndex.Tass, NewsIndex.Ankara);
        index.Search("place:Zürich").Should().Equal(NewsIndex.Zurich);
    }

    [Fact]
    public void OrFindsEither()
    {
        index.Search("Zürich OR Ankara").Should().Equal(NewsIndex.Zurich, NewsIndex.Ankara);
    }

    [Fact]
    public void OrBindsTighterThanTheImplicitAnd()
    {
        // bank AND (Ankara OR Zürich): only the Zürich story has "bank".
        index.Search("bank Ankara OR Zürich").Should().Equal(NewsIndex.Zurich);
    }

    [Fact]
    public void AnAbbreviationAndAContractionMatchAsAdjacentTokens()
    {
        index.Search("U.S.").Should().Equal(NewsIndex.Envoy);
        index.Search("US").Should().NotContain(NewsIndex.Envoy, "US is one token, us; U.S. is two, u and s")
            .And.Contain(NewsIndex.Tass, "Porter stems \"used\" to \"us\"");
        index.Search("don't").Should().Equal(NewsIndex.Envoy);
        index.Search("don\u2019t").Should().Equal(NewsIndex.Envoy);
    }

    [Fact]
    public void FtsKeywordsTypedByTheUserAreSearchedAsWords()
    {
        // As an operator, a bare NOT would be a syntax error and "would NOT talk" a negation.
        index.Search("NOT").Should().Equal(NewsIndex.Tass, NewsIndex.Envoy);
        index.Search("would NOT talk").Should().Equal(NewsIndex.Envoy);
    }

    [Fact]
    public void ManyExclusionsGoUnderOneNot()
    {
        // FTS5 does not flatten a NOT chain and rejects trees deeper than 256; one NOT over an OR stays flat.
        var q = "SCO" + string.Concat(Enumerable.Repeat(" -x", 165));
        var expression = Fts5Renderer.Render(SearchQueryParser.Parse(q).Query!);

        q.Length.Should().BeLessThanOrEqualTo(SearchQueryParser.MaxLength);
        expression.Split(" NOT ").Should().HaveCount(2);
        index.Match(expression).Should().Equal(NewsIndex.Tass, NewsIndex.Astana);
    }

    [Fact]
    public void TheHighestPrecedenceIsNotThenAndThenOr()
    {
        // The renderer parenthesizes everything; this pins down why it must. The Emergency story has both
        // "emergency" and "floods", Astana neither.
        index.Match("\"state\" NOT \"emergency\" AND \"floods\"").Should().BeEmpty("NOT binds before AND");
        index.Match("\"state\" NOT (\"emergency\" AND \"floods\")").Should().Equal(NewsIndex.Tass);
        index.Match("\"islamic\" OR \"state\" AND \"floods\"").Should().Equal(NewsIndex.Tass, NewsIndex.Emergency);
    }
}
