using Lucene.Net.Search;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Push;

/// <summary>A word an article must hold, in some text field, for a search to match: a whole index term, or a prefix of one.</summary>
internal readonly record struct SearchAnchor(string Text, bool IsPrefix);

/// <summary>
/// The prefilter of <see cref="SavedSearchMatcher{TKey}"/>: from a rendered query, a short list of words at
/// least one of which every matching article holds, so that most saved searches are never run against an
/// article that shares none of their words. Read from the Lucene query itself (not from the typed query), so
/// it follows whatever <see cref="LuceneQueryRenderer"/> renders; a query part it does not know gives null
/// (no list: the search is always run), which is never wrong, only slower. The list may be loose (a phrase's
/// word in any field); the query decides.
/// </summary>
internal static class SearchAnchors
{
    /// <summary>The anchors of a query; an empty list for a query that matches nothing; null when unknown.</summary>
    public static IReadOnlyList<SearchAnchor>? Of(Query query) => query switch
    {
        TermQuery term => [new SearchAnchor(term.Term.Text, IsPrefix: false)],
        PrefixQuery prefix => [new SearchAnchor(prefix.Prefix.Text, IsPrefix: true)],
        // Every word of a phrase is required; the longest is likely the rarest.
        PhraseQuery phrase => phrase.GetTerms().Length == 0
            ? []
            : [new SearchAnchor(phrase.GetTerms().MaxBy(t => t.Text.Length)!.Text, IsPrefix: false)],
        PhrasePrefixQuery phrase => phrase.Leading.Count > 0
            ? [new SearchAnchor(phrase.Leading.MaxBy(t => t.Length)!, IsPrefix: false)]
            : [new SearchAnchor(phrase.Prefix, IsPrefix: true)],
        BooleanQuery boolean => OfBoolean(boolean),
        _ => null,
    };

    private static IReadOnlyList<SearchAnchor>? OfBoolean(BooleanQuery boolean)
    {
        var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).Select(c => Of(c.Query)).ToList();
        if (required.Count > 0)
        {
            // Any one required clause's anchors will do: the most selective one known.
            return required.OfType<IReadOnlyList<SearchAnchor>>().OrderBy(Cost).FirstOrDefault();
        }

        var optional = boolean.Clauses.Where(c => c.Occur == Occur.SHOULD).ToList();
        if (optional.Count == 0 || boolean.MinimumNumberShouldMatch > 1)
        {
            // No required and no optional clause: Lucene matches nothing. A minimum above one: not worth reasoning about.
            return optional.Count == 0 ? [] : null;
        }

        // Without required clauses, one optional clause must match: the union of theirs.
        var union = new List<SearchAnchor>();
        foreach (var clause in optional)
        {
            if (Of(clause.Query) is not { } anchors)
            {
                return null;
            }

            union.AddRange(anchors);
        }

        return union.Distinct().ToList();
    }

    /// <summary>Fewer words are better, whole words better than prefixes, long words better than short.</summary>
    private static (int Prefixes, int Count, int Shortest) Cost(IReadOnlyList<SearchAnchor> anchors) =>
        (anchors.Count(a => a.IsPrefix), anchors.Count, anchors.Count == 0 ? 0 : -anchors.Min(a => a.Text.Length));
}
