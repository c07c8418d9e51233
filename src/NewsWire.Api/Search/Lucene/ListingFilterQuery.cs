using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The listing filters inside the engine, applied before any hit is counted or ranked, with the semantics
/// of <see cref="ArticleFilter.ApplyTo"/>: repeated values OR, different filters AND, values compared as
/// SQLite's NOCASE compares them, <c>to</c> exclusive. Filters never change a score: hidden near-duplicates
/// are a prohibited clause (few documents), the others <see cref="FilteredQuery"/> layers (term sets for
/// source, place, lang and tag; the date range from each segment's dates, random access).
/// </summary>
internal static class ListingFilterQuery
{
    public static Query Apply(Query query, ArticleFilter filter)
    {
        if (!filter.IncludeDuplicates)
        {
            var visible = new BooleanQuery(disableCoord: true)
            {
                { query, Occur.MUST },
                { new TermQuery(new Term(LuceneFields.Hidden, "1")), Occur.MUST_NOT },
            };
            query = visible;
        }

        query = AnyOf(query, LuceneFields.SourceKey, filter.Sources);
        query = AnyOf(query, LuceneFields.PlaceKey, filter.Places);
        query = AnyOf(query, LuceneFields.LangKey, filter.Langs);
        query = AnyOf(query, LuceneFields.TagKey, filter.Tags);
        if (filter.From is not null || filter.ToExclusive is not null)
        {
            query = new FilteredQuery(query, new PublishedRangeFilter(filter.From, filter.ToExclusive));
        }

        return query;
    }

    private static Query AnyOf(Query query, string field, IReadOnlyList<string> values) => values.Count == 0
        ? query
        : new FilteredQuery(query, new TermsFilter(field, values.Select(v => new BytesRef(LuceneFields.Key(v))).ToArray()));
}
