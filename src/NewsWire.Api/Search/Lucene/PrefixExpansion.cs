using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsWire.Api.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Expands a prefix into the index terms it stands for, refusing past a budget, and scores them as FTS5
/// scores a prefix: every expansion carries the prefix's one document frequency (the sum of theirs), so a
/// rare word that happens to share the prefix does not outrank the common ones by its IDF alone.
/// </summary>
internal static class PrefixExpansion
{
    /// <summary>The prefix's terms with their per-segment states, in term order.</summary>
    public static List<(BytesRef Term, TermContext Context)> Expand(
        IndexReader reader, string field, Func<Terms, TermsEnum> enumerate, string shownPrefix, int maxWords, CancellationToken cancellationToken)
    {
        // The budget bounds an expansion and may be set above Lucene's process-wide limit of 1,024 clauses per
        // BooleanQuery, past which Lucene throws: a 500 for a setting the service accepts. Raised, never lowered.
        if (maxWords > BooleanQuery.MaxClauseCount)
        {
            BooleanQuery.MaxClauseCount = maxWords;
        }

        var seen = 0;
        var found = new SortedDictionary<BytesRef, TermContext>();
        var top = reader.Context;
        foreach (var leaf in top.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = enumerate(terms);
            while (termsEnum.MoveNext())
            {
                // A budget raised far enough makes an expansion long: a search that is stopped stops here too.
                if (++seen % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!found.TryGetValue(termsEnum.Term, out var context))
                {
                    if (found.Count == maxWords)
                    {
                        throw SearchTooBroadException.PrefixTooBroad(shownPrefix, maxWords);
                    }

                    context = new TermContext(top);
                    found.Add(BytesRef.DeepCopyOf(termsEnum.Term), context);
                }

                context.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }

        return Blend(top, found);
    }

    /// <summary>One document frequency for all (capped at the index size), registered on each term's first segment.</summary>
    private static List<(BytesRef, TermContext)> Blend(IndexReaderContext top, SortedDictionary<BytesRef, TermContext> found)
    {
        var shared = (int)Math.Min(found.Values.Sum(c => (long)c.DocFreq), top.Reader.MaxDoc);
        var blended = new List<(BytesRef, TermContext)>(found.Count);
        foreach (var (term, context) in found)
        {
            var copy = new TermContext(top);
            var docFreq = shared;
            foreach (var leaf in top.Leaves)
            {
                if (context.Get(leaf.Ord) is { } state)
                {
                    copy.Register(state, leaf.Ord, docFreq, -1);
                    docFreq = 0;
                }
            }

            blended.Add((term, copy));
        }

        return blended;
    }
}

/// <summary>
/// Rewrites a <see cref="PrefixQuery"/> into a scoring OR of its terms (<see cref="PrefixExpansion"/>), or
/// throws <see cref="SearchTooBroadException"/> past the budget: a prefix is never expanded without bound.
/// </summary>
internal sealed class BudgetedPrefixRewrite(int maxWords, string shownPrefix, CancellationToken cancellationToken) : MultiTermQuery.RewriteMethod
{
    static BudgetedPrefixRewrite()
    {
        // Lucene refuses a BooleanQuery of more than 1,024 clauses (a process-wide setting) with an exception the
        // API would answer as a 500. The budget (MaxWordsPerPrefix, which an operator may raise) is the bound here.
        BooleanQuery.MaxClauseCount = int.MaxValue;
    }

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var atts = new global::Lucene.Net.Util.AttributeSource();
        var expanded = PrefixExpansion.Expand(reader, query.Field, terms => GetTermsEnum(query, terms, atts), shownPrefix, maxWords, cancellationToken);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (term, context) in expanded)
        {
            any.Add(new TermQuery(new Term(query.Field, term), context) { Boost = query.Boost }, Occur.SHOULD);
        }

        return any;
    }
}

/// <summary>
/// A phrase whose last token is a prefix (<c>"Islamic St"*</c>): rewritten, with the budget, into a
/// <see cref="MultiPhraseQuery"/> whose last position holds every term the prefix stands for.
/// </summary>
internal sealed class PhrasePrefixQuery(
    string field, IReadOnlyList<string> leading, string prefix, int maxWords, string shownPrefix, CancellationToken cancellationToken = default) : Query
{
    public string Field { get; } = field;
    public IReadOnlyList<string> Leading { get; } = leading;
    public string Prefix { get; } = prefix;
    /// <summary>How many index terms the prefix may stand for (<see cref="SearchBudget.MaxWordsPerPrefix"/>).</summary>
    public int MaxWords { get; } = maxWords;

    public override Query Rewrite(IndexReader reader)
    {
        var prefixBytes = new BytesRef(Prefix);
        var expanded = PrefixExpansion.Expand(
            reader, Field, terms => new PrefixTermsEnum(terms.GetEnumerator(), prefixBytes), shownPrefix, MaxWords, cancellationToken);
        if (expanded.Count == 0)
        {
            return new BooleanQuery();
        }

        var phrase = new MultiPhraseQuery { Boost = Boost };
        foreach (var token in Leading)
        {
            phrase.Add(new Term(Field, token));
        }

        phrase.Add(expanded.Select(e => new Term(Field, e.Term)).ToArray());
        return phrase;
    }

    public override string ToString(string field) =>
        $"{(field == Field ? "" : Field + ":")}\"{string.Join(' ', Leading)} {Prefix}*\"{(Boost == 1 ? "" : "^" + Boost)}";

    public override bool Equals(object? obj) =>
        obj is PhrasePrefixQuery other && other.Field == Field && other.Prefix == Prefix && other.MaxWords == MaxWords
        && other.Boost == Boost && other.Leading.SequenceEqual(Leading);

    public override int GetHashCode() => HashCode.Combine(Field, Prefix, MaxWords, Boost, string.Join(' ', Leading));
}
