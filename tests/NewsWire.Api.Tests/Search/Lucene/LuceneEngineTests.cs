using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The engine over a handful of articles: what it matches (stems, diacritics, Cyrillic, scopes, phrases,
/// exclusions, sub-headings), what the listing filters and hidden near-duplicates leave, how it orders and
/// pages, its exact totals, facets and highlights. The same cases the API's FTS5 suite checks.
/// </summary>
public sealed class LuceneEngineTests(LuceneCorpusIndex corpus) : IClassFixture<LuceneCorpusIndex>
{
    [Theory]
    [InlineData("refugees")]
    [InlineData("\"Islamic State\"")]
    [InlineData("Smirnov")]
    [InlineData("headline:refugee")]
    [InlineData("SCO -Damascus")]
    [InlineData("place:tashkent")]
    [InlineData("recruit*")]
    [InlineData("\"Islamic St\"*")]
    public void TheTassReportIsFound(string q)
    {
        Headlines(q).Should().Contain(SearchCorpus.Tass);
    }

    [Theory]
    [InlineData("refugee", SearchCorpus.Turkey)]
    [InlineData("recruiting", "Recruitment drive by militants")]
    [InlineData("zurich", "Zürich bank fined over sanctions")]
    [InlineData("ZÜRICH", "Zürich bank fined over sanctions")]
    [InlineData("Zu\u0308rich", "Zürich bank fined over sanctions")]
    [InlineData("беженц*", "Беженцы прибывают в Европу")]
    [InlineData("беженцев", "Беженцы прибывают в Европу")]
    [InlineData("ПОТОК", SearchCorpus.Russian)]
    [InlineData("place:москва", SearchCorpus.Russian)]
    [InlineData("U.S.", SearchCorpus.Envoy)]
    [InlineData("don't", SearchCorpus.Envoy)]
    public void MatchingFoldsCaseAndDiacriticsStemsAndReadsCyrillic(string q, string expected)
    {
        Headlines(q).Should().Contain(expected);
    }

    [Theory]
    [InlineData("беженцы", SearchCorpus.Russian)] // Russian is not stemmed: беженцы does not find беженцев
    [InlineData("European", "SCO ministers meet in Astana")] // Porter leaves European apart from Europe
    [InlineData("US", SearchCorpus.Envoy)] // US is one token, U.S. two
    public void PorterLeavesTheseApartAsInFts5(string q, string notFound)
    {
        Headlines(q).Should().NotContain(notFound);
    }

    [Fact]
    public void APhraseMatchesOnlyAdjacentWords()
    {
        var phrase = corpus.Engine.Search(Requests.For("\"Islamic State\""));
        var words = corpus.Engine.Search(Requests.For("Islamic State"));

        Headlines(phrase).Should().NotContain("State of emergency declared in Islamic region");
        Headlines(words).Should().Contain("State of emergency declared in Islamic region");
        phrase.Total.Should().BeLessThan(words.Total);
    }

    [Fact]
    public void ExcludingAWordTheReportMentionsLeavesItOut()
    {
        Headlines("SCO -Assad").Should().NotContain(SearchCorpus.Tass).And.Contain("SCO ministers meet in Astana");
    }

    [Fact]
    public void OrFindsEither()
    {
        Headlines("Zürich OR Ankara").Should().BeEquivalentTo("Zürich bank fined over sanctions", SearchCorpus.Turkey);
    }

    [Fact]
    public void AScopeLooksInOneField()
    {
        Headlines("headline:refugee").Should().Contain(SearchCorpus.Tass).And.NotContain("Aid for displaced families");
        Headlines("refugee").Should().Contain("Aid for displaced families");
        Headlines("place:Zürich").Should().Equal("Zürich bank fined over sanctions");
        Headlines("lead:negotiate").Should().BeEmpty();
        Headlines("lead:Washington").Should().Equal(SearchCorpus.Envoy);
    }

    [Fact]
    public void SubHeadingsAreSearchedAsPartOfTheBody()
    {
        // "serious" stands only in a sub-heading of the TASS report: "IS recruitment serious threat for SCO countries".
        Headlines("serious").Should().Equal(SearchCorpus.Tass);
        Headlines("body:\"serious threat\"").Should().Equal(SearchCorpus.Tass);
        Headlines("headline:serious").Should().BeEmpty();
    }

    [Fact]
    public void APhraseDoesNotRunFromTheBodyIntoASubHeading()
    {
        // The body's last paragraph ends "…of the Syrian territory." and the first sub-heading begins "EU refugee".
        Headlines("\"territory EU\"").Should().BeEmpty();
        Headlines("territory EU").Should().Contain(SearchCorpus.Tass);
    }

    [Theory]
    [InlineData("refugees", new[] { "AP" }, null, null, null, new[] { SearchCorpus.Turkey })]
    [InlineData("refugees", new[] { "ap" }, null, null, null, new[] { SearchCorpus.Turkey })]
    [InlineData("refugees", null, new[] { "aid" }, null, null, new[] { "Aid for displaced families" })]
    [InlineData("refugees", null, null, new[] { "Paris", "ankara" }, null, new[] { "Markup in copy <script>alert(1)</script>", SearchCorpus.Turkey })]
    [InlineData("refugees", null, null, null, new[] { "ru" }, new string[0])]
    [InlineData("беженц*", null, null, null, new[] { "ru" }, new[] { "Беженцы прибывают в Европу", SearchCorpus.Russian })]
    [InlineData("cocoa", new[] { "reuters" }, new[] { "SOFTS" }, new[] { "London" }, null, new[] { SearchCorpus.Cocoa })]
    public void EveryFilterCombinesWithTheQueryIgnoringCase(string q, string[]? sources, string[]? tags, string[]? places, string[]? langs, string[] expected)
    {
        var filter = new ArticleFilter(sources ?? [], tags ?? [], places ?? [], langs ?? [], null, null);
        var page = corpus.Engine.Search(Requests.For(q, filter));

        Headlines(page).Should().BeEquivalentTo(expected);
        page.Total.Should().Be(expected.Length);
    }

    [Fact]
    public void FromIsInclusiveAndToExclusive()
    {
        var february = new ArticleFilter([], [], [], [], new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var fromTurkeyDay = february with { From = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc), ToExclusive = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc).AddDays(1) };
        var beforeTurkeyDay = february with { ToExclusive = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc) };

        Headlines(corpus.Engine.Search(Requests.For("refugees", february))).Should().Equal(SearchCorpus.Turkey);
        Headlines(corpus.Engine.Search(Requests.For("refugees", fromTurkeyDay))).Should().Equal(SearchCorpus.Turkey);
        Headlines(corpus.Engine.Search(Requests.For("refugees", beforeTurkeyDay))).Should().BeEmpty();
    }

    [Fact]
    public void NearDuplicatesAreHiddenBeforeTheLimitUnlessAskedFor()
    {
        var hidden = corpus.Engine.Search(Requests.For("Turkey", limit: 1));
        var shown = corpus.Engine.Search(Requests.For("Turkey", Requests.NoFilter with { IncludeDuplicates = true }));

        hidden.Total.Should().Be(1);
        Headlines(hidden).Should().Equal(SearchCorpus.Turkey);
        Headlines(shown).Should().BeEquivalentTo(SearchCorpus.Turkey, SearchCorpus.TurkeyRepeat);
    }

    [Fact]
    public void TheHeadlineWeighsMoreThanTheBodyAndScoresDescend()
    {
        var hits = corpus.Engine.Search(Requests.For("refugees")).Hits;

        Headline(hits[0]).Should().Contain("Refugee");
        hits.Select(h => h.Score).Should().BeInDescendingOrder().And.AllSatisfy(s => s.Should().BePositive());
    }

    [Fact]
    public void SortByDateOrdersByTimeAndAHitScoresTheSameWhateverTheOrder()
    {
        var byRelevance = corpus.Engine.Search(Requests.For("refugees")).Hits.ToDictionary(h => h.Id, h => h.Score);
        var newest = corpus.Engine.Search(Requests.For("refugees", sort: SearchSort.Newest)).Hits;
        var oldest = corpus.Engine.Search(Requests.For("refugees", sort: SearchSort.Oldest)).Hits;

        newest.Select(h => Article(h).PublishedAt).Should().BeInDescendingOrder();
        oldest.Select(h => h.Id).Should().Equal(newest.Select(h => h.Id).Reverse());
        newest.Should().AllSatisfy(h => h.Score.Should().BeApproximately(byRelevance[h.Id], 1e-6));
    }

    [Fact]
    public void PagingByOffsetNeitherRepeatsNorSkipsAndTheTotalIsExact()
    {
        var all = corpus.Engine.Search(Requests.For("grain"));
        var pages = new List<long>();
        for (var offset = 0; offset < all.Total; offset += 7)
        {
            var page = corpus.Engine.Search(Requests.For("grain", limit: 7, offset: offset));
            page.Total.Should().Be(25);
            pages.AddRange(page.Hits.Select(h => h.Id));
        }

        all.Total.Should().Be(25);
        pages.Should().Equal(all.Hits.Select(h => h.Id));
        corpus.Engine.Search(Requests.For("grain", limit: 10, offset: 30)).Hits.Should().BeEmpty();
    }

    [Fact]
    public void EqualScoresPutTheNewestArticleFirst()
    {
        // The grain reports score alike for "cents": the higher id (the later write) comes first, as in FTS5.
        var hits = corpus.Engine.Search(Requests.For("cents")).Hits;

        hits.GroupBy(h => h.Score).Where(g => g.Count() > 1).Should().NotBeEmpty()
            .And.AllSatisfy(g => g.Select(h => h.Id).Should().BeInDescendingOrder());
    }

    [Fact]
    public void FacetsCountTheWholeMatchSetAndAddUpToTotal()
    {
        var page = corpus.Engine.Search(Requests.For("grain", limit: 1, facets: [Facet.Source, Facet.Tag, Facet.Place, Facet.Month]));

        page.Hits.Should().HaveCount(1);
        var facets = page.Facets!;
        facets.Keys.Should().BeEquivalentTo("source", "tag", "place", "month");
        facets["source"].Sum(f => f.Count).Should().Be(page.Total);
        facets["place"].Sum(f => f.Count).Should().Be(page.Total);
        facets["month"].Sum(f => f.Count).Should().Be(page.Total);
        facets["source"].Select(f => f.Count).Should().BeInDescendingOrder();
        facets["source"][0].Should().BeEquivalentTo(new FacetValue { Value = "Reuters", Count = 13 });
        facets["tag"].Should().ContainSingle().Which.Count.Should().Be(25);
        facets["month"].Select(f => f.Value).Should().AllSatisfy(v => v.Should().MatchRegex("^2025-[01][0-9]$"));
    }

    [Fact]
    public void FacetValuesDifferingOnlyInCaseCountTogetherUnderTheLowestSpelling()
    {
        var page = corpus.Engine.Search(Requests.For("London OR oil OR cocoa", facets: [Facet.Source, Facet.Place, Facet.Tag]));

        page.Facets!["source"].Should().ContainSingle().Which.Should().BeEquivalentTo(new FacetValue { Value = "REUTERS", Count = 2 });
        page.Facets["place"].Should().ContainSingle().Which.Should().BeEquivalentTo(new FacetValue { Value = "London", Count = 2 });
        page.Facets["tag"].Select(f => f.Value).Should().Equal("cocoa", "oil", "Softs");
    }

    [Fact]
    public void FacetsLeaveOutHiddenDuplicatesAndOnlyAskedFacetsAreThere()
    {
        var page = corpus.Engine.Search(Requests.For("Turkey", facets: [Facet.Source]));

        page.Facets!.Keys.Should().Equal("source");
        page.Facets["source"].Should().ContainSingle().Which.Count.Should().Be(1);
        corpus.Engine.Search(Requests.For("Turkey")).Facets.Should().BeNull();
    }

    [Fact]
    public void RefugeesFindsTheReportWithMarksInItsHeadlineAndSnippet()
    {
        var tass = corpus.Engine.Search(Requests.For("refugees")).Hits.Single(h => Headline(h) == SearchCorpus.Tass);

        Marks(tass, "refugees").Headline.Should().Be("Russian Security Service: <mark>Refugee</mark> crisis used by Islamic State to send people to Europe");
        Marks(tass, "refugees").Snippet.Should().Contain("<mark>refugees</mark>");
        Marks(tass, "refugees").Snippet.Split(' ').Length.Should().BeLessThan(40);
    }

    [Fact]
    public void APhraseMarksOnlyWhereItsWordsStandTogether()
    {
        var hit = corpus.Engine.Search(Requests.For("\"Islamic State\"")).Hits.Single(h => Headline(h) == SearchCorpus.Tass);

        Marks(hit, "\"Islamic State\"").Headline.Should().Be("Russian Security Service: Refugee crisis used by <mark>Islamic State</mark> to send people to Europe");
    }

    [Fact]
    public void MarkupInTheTextComesBackEscaped()
    {
        var marks = Marks(corpus.Engine.Search(Requests.For("markup")).Hits.Single(), "markup");

        marks.Headline.Should().Be("<mark>Markup</mark> in copy &lt;script&gt;alert(1)&lt;/script&gt;");
        marks.Snippet.Should().Be("A feed sent &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; other <mark>markup</mark> inside the refugees story text.");
    }

    [Fact]
    public void PrefixesMarkEveryWordTheyStandFor()
    {
        var hit = corpus.Engine.Search(Requests.For("беженц*")).Hits.Single(h => Headline(h) == SearchCorpus.Russian);

        Marks(hit, "беженц*").Snippet.Should().Be("По данным ООН, поток <mark>беженцев</mark> из Сирии не ослабевает.");
    }

    [Fact]
    public void AScopedTermMarksOnlyItsField()
    {
        var marks = Marks(corpus.Engine.Search(Requests.For("headline:refugees")).Hits.Single(h => Headline(h) == SearchCorpus.Turkey), "headline:refugees");

        marks.Headline.Should().Be("<mark>Refugees</mark> cross into Turkey");
        marks.Snippet.Should().NotContain("<mark>");
    }

    [Fact]
    public void APrefixPastTheBudgetIsRefusedAsTooBroad()
    {
        var engine = new LuceneSearchEngine(corpus.Index, new LuceneSearchOptions { MaxWordsPerPrefix = 4 });

        engine.Invoking(e => e.Search(Requests.For("c*"))).Should().Throw<SearchTooBroadException>().WithMessage("'c*' stands for more than 4 *");
        engine.Invoking(e => e.Search(Requests.For("\"Islamic s\"*"))).Should().Throw<SearchTooBroadException>();
        // беженц* is беженцы and беженцев in headlines, беженцев in a lead and in bodies: at most two words in
        // any one field, and each prefix has its own budget in each field, as each has in FTS5's word list.
        new LuceneSearchEngine(corpus.Index, new LuceneSearchOptions { MaxWordsPerPrefix = 2 }).Search(Requests.For("беженц* Европ*"));
        new LuceneSearchEngine(corpus.Index, new LuceneSearchOptions { MaxWordsPerPrefix = 1 })
            .Invoking(e => e.Search(Requests.For("беженц*"))).Should().Throw<SearchTooBroadException>().WithMessage("'беженц*' *");
    }

    [Fact]
    public void ACancelledSearchStopsInsideTheEngine()
    {
        // What stops a search past its time limit or whose client left: the collector looks at the token as it goes.
        corpus.Engine.Invoking(e => e.Search(Requests.For("refugees OR grain", facets: [Facet.Source]), new CancellationToken(canceled: true)))
            .Should().Throw<OperationCanceledException>();
    }

    /// <summary>The highlights of a hit, on the text the store would read for it.</summary>
    private static SearchHighlights Marks(EngineHit hit, string q) =>
        LuceneSearchEngine.Highlighter(Requests.For(q)).Highlight(Article(hit).Headline, Article(hit).Body);

    private List<string> Headlines(string q) => Headlines(corpus.Engine.Search(Requests.For(q)));

    private static List<string> Headlines(EnginePage page) => page.Hits.Select(Headline).ToList();

    private static string Headline(EngineHit hit) => Article(hit).Headline;

    private static IndexedArticle Article(EngineHit hit) => SearchCorpus.Articles.Single(a => a.Id == hit.Id);
}
