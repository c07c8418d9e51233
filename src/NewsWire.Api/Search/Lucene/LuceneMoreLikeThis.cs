using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsWire.Api.Articles;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>The article related stories are asked for, as the engine needs it. <see cref="Root"/> is the story's
/// original (the article itself when it is one), which is never related, nor is anything hidden.</summary>
public sealed record RelatedRequest(long Root, string Headline, string? Lead, string Body, IReadOnlyList<string> Tags, string? Place)
{
    public static RelatedRequest From(Article article) => new(
        article.DuplicateOfId ?? article.Id, article.Headline, article.Lead, article.Body,
        article.Tags.Select(t => t.Name).ToList(), article.Place);
}

/// <summary>
/// More like this on the index (ADR 13, ADR 23): the article's candidate words (<see cref="MoreLikeThis"/>),
/// weighed by the index's own document frequencies (a term dictionary look-up each, no postings read), the
/// most distinctive within a budget of matches ORed into one query that BM25 scores (the fields weighing alike,
/// <see cref="Weights"/>), the root and hidden articles left out inside the query. The best <see cref="Pool"/> are then
/// raised by half for each tag they share with the article and by a tenth for the same place (both as the
/// listing filters compare, ignoring ASCII case), read from the segment's arrays; the newer wins a tie.
/// </summary>
internal static class LuceneMoreLikeThis
{
    /// <summary>How many matches the query may score: what bounds its cost at any size of archive.</summary>
    public const int MatchBudget = 12_000;
    public const int Pool = 50;
    private const double TagBoost = 0.5;
    private const double PlaceBoost = 0.1;

    /// <summary>
    /// The fields of a candidate weigh alike. The article's own words are already weighed by where they stand
    /// (<see cref="MoreLikeThis.Candidates"/>); Lucene scores each field on its own and multiplies by the boost, so
    /// the search's headline 10 would let one shared headline word outrank a body that shares ten (FTS5 multiplied
    /// the count inside one saturation instead). Measured in ADR 23: 10/4/1/2 puts fewer related stories on the
    /// article's topic than FTS5 did, equal weights more.
    /// </summary>
    public static FieldWeights Weights { get; } = new(1, 1, 1, 1);

    public static IReadOnlyList<EngineHit> Rank(IndexSearcher searcher, RelatedRequest request)
    {
        var candidates = MoreLikeThis.Candidates(request.Headline, request.Lead, request.Body);
        var reader = searcher.IndexReader;
        var frequencies = candidates.Select(c => new TermFrequency(c, DocumentFrequency(reader, c.Word))).ToList();
        var words = MoreLikeThis.Choose(frequencies, reader.NumDocs, MatchBudget);
        if (words.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            // No prefix in the query, so no word budget to keep.
            { ListingFilterQuery.Apply(LuceneQueryRenderer.Render(MoreLikeThis.Query(words), Weights, int.MaxValue), ArticleFilter.None), Occur.MUST },
            { new TermQuery(LuceneFields.IdTerm(request.Root)), Occur.MUST_NOT },
        };
        var collector = new PageCollector(SearchSort.Relevance, Pool, facets: null);
        searcher.Search(query, collector);
        return Boost(reader, collector.Page(0, Pool), request);
    }

    /// <summary>
    /// How many articles hold the word in any one field (the largest of the fields' counts: a word of a story is
    /// nearly always in its body). Term statistics count a replaced or deleted document until its segment is
    /// merged away, which can only make a word look a little commoner.
    /// </summary>
    private static long DocumentFrequency(IndexReader reader, string word)
    {
        var terms = NewsAnalyzer.Instance.Terms(word);
        return terms.Count == 0 ? 0 : LuceneFields.Text.Max(field => (long)reader.DocFreq(new Term(field, terms[0])));
    }

    private static List<EngineHit> Boost(IndexReader reader, List<PageCollector.Entry> pool, RelatedRequest request)
    {
        var tags = request.Tags.Select(LuceneFields.Key).ToHashSet(StringComparer.Ordinal);
        var place = request.Place is null ? null : LuceneFields.Key(request.Place);
        var leaves = reader.Leaves;
        var ranked = new List<(EngineHit Hit, long Published)>(pool.Count);
        foreach (var entry in pool)
        {
            var leaf = leaves[ReaderUtil.SubIndex(entry.Doc, leaves)];
            var values = SegmentValues.Of(leaf.AtomicReader);
            var doc = entry.Doc - leaf.DocBase;
            var shared = 0;
            if (tags.Count > 0)
            {
                var own = values.Tags;
                shared = Enumerable.Range(own.Starts[doc], own.Starts[doc + 1] - own.Starts[doc])
                    .Select(i => LuceneFields.Key(own.Values[own.Ords[i]]))
                    .Distinct(StringComparer.Ordinal)
                    .Count(tags.Contains);
            }

            var samePlace = place is not null && values.Place.Of[doc] is var ord and >= 0
                && string.Equals(LuceneFields.Key(values.Place.Values[ord]), place, StringComparison.Ordinal);
            var score = entry.Score * (1 + TagBoost * shared + (samePlace ? PlaceBoost : 0));
            ranked.Add((new EngineHit(entry.Id, score), values.Published[doc]));
        }

        return ranked
            .OrderByDescending(r => r.Hit.Score)
            .ThenByDescending(r => r.Published)
            .ThenByDescending(r => r.Hit.Id)
            .Select(r => r.Hit)
            .ToList();
    }
}
