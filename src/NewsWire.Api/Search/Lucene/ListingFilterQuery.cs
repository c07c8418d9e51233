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
/// are a prohibited clause (few documents) of the query's own top Boolean query (<see cref="Flatten"/>), the others <see cref="FilteredQuery"/> layers (term sets for
/// source, place, lang and tag; the date range from each segment's dates, random access).
/// </summary>
internal static class ListingFilterQuery
{
    public static Query Apply(Query query, ArticleFilter filter)
    {
        query = Flatten(query, filter.IncludeDuplicates ? null : new TermQuery(new Term(LuceneFields.Hidden, "1")));

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

    /// <summary>
    /// The query with <paramref name="hidden"/> excluded, as few Boolean levels deep as it scores the same. Lucene 4.8
    /// scores a disjunction in bulk and out of order (BooleanScorer, several times faster over many matches) only
    /// when it is the top query with no required clause; nested under one (the renderer's "all clauses", the
    /// hidden exclusion's wrapper) it is a heap-ordered DisjunctionSumScorer. A Boolean query of one required
    /// clause and exclusions scores as that clause does (coord off, BM25's query norm and coord both 1), so the
    /// clause is lifted and the exclusions join it.
    /// </summary>
    internal static Query Flatten(Query query, Query? hidden)
    {
        var excluded = hidden is null ? new List<Query>() : [hidden];
        while (query is BooleanQuery { MinimumNumberShouldMatch: 0, Boost: 1 } wrapper
            && wrapper.Clauses.Count(c => c.Occur == Occur.MUST) == 1 && wrapper.Clauses.All(c => c.Occur != Occur.SHOULD))
        {
            excluded.AddRange(wrapper.Clauses.Where(c => c.Occur == Occur.MUST_NOT).Select(c => c.Query));
            query = wrapper.Clauses.Single(c => c.Occur == Occur.MUST).Query;
        }

        if (excluded.Count == 0)
        {
            return query;
        }

        var flat = query is BooleanQuery { MinimumNumberShouldMatch: 0, Boost: 1 } inner && inner.Clauses.Any(c => c.Occur != Occur.MUST_NOT)
            ? (BooleanQuery)inner.Clone()
            : new BooleanQuery(disableCoord: true) { { query, Occur.MUST } };
        foreach (var exclusion in excluded)
        {
            flat.Add(exclusion, Occur.MUST_NOT);
        }

        return flat;
    }

    private static Query AnyOf(Query query, string field, IReadOnlyList<string> values) => values.Count == 0
        ? query
        : new FilteredQuery(query, new TermsFilter(field, values.Select(v => new BytesRef(LuceneFields.Key(v))).ToArray()));
}
