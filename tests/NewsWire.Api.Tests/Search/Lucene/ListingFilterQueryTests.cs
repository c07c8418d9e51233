using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The hidden near-duplicates' exclusion joins the rendered query's own top Boolean query instead of wrapping it
/// (ADR 18): the flattened query must match the same documents with the same scores as the nested one, for every
/// shape the renderer makes, and a one-word search must end up a top-level disjunction Lucene scores in bulk.
/// </summary>
public sealed class ListingFilterQueryTests(LuceneCorpusIndex corpus) : IClassFixture<LuceneCorpusIndex>
{
    [Theory]
    [InlineData("refugees")]
    [InlineData("SCO -Damascus")]
    [InlineData("Islamic State")]
    [InlineData("\"Islamic State\"")]
    [InlineData("headline:refugee")]
    [InlineData("refugee OR bank")]
    [InlineData("recruit*")]
    [InlineData("bank -fined -zurich")]
    [InlineData("place:tashkent")]
    public void TheFlattenedQueryMatchesAndScoresAsTheNestedOne(string q)
    {
        var rendered = LuceneQueryRenderer.Render(SearchQueryParser.Parse(q).Query!);
        var hidden = new TermQuery(new Term(LuceneFields.Hidden, "1"));
        var nested = new BooleanQuery(disableCoord: true) { { rendered, Occur.MUST }, { hidden, Occur.MUST_NOT } };

        var flat = Hits(ListingFilterQuery.Flatten(rendered, hidden));
        var before = Hits(nested);

        flat.Should().NotBeEmpty(q);
        flat.Select(h => h.Doc).Should().Equal(before.Select(h => h.Doc), q);
        // The same sum, perhaps added in another order (bulk buckets, not a heap): equal to the float's last bits.
        flat.Zip(before).Should().OnlyContain(p => Math.Abs(p.First.Score - p.Second.Score) <= 1e-5f * p.Second.Score, q);
    }

    [Fact]
    public void AOneWordSearchIsATopLevelDisjunctionWithTheExclusionAmongItsClauses()
    {
        var rendered = LuceneQueryRenderer.Render(SearchQueryParser.Parse("refugees").Query!);

        var flat = (BooleanQuery)ListingFilterQuery.Flatten(rendered, new TermQuery(new Term(LuceneFields.Hidden, "1")));

        flat.Clauses.Where(c => c.Occur == Occur.SHOULD).Should().HaveCount(LuceneFields.Text.Count);
        flat.Clauses.Should().ContainSingle(c => c.Occur == Occur.MUST_NOT);
        flat.Clauses.Should().NotContain(c => c.Occur == Occur.MUST);
    }

    private List<(int Doc, float Score)> Hits(Query query) => corpus.Index.Use(searcher =>
        searcher.Search(query, 1_000).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc).ToList());
}
