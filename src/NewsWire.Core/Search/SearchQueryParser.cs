namespace NewsWire.Core.Search;

/// <summary>
/// Parses the web-search syntax users type into <c>GET /api/search?q=</c>:
/// <list type="bullet">
/// <item>words are ANDed: <c>refugees Europe</c>;</item>
/// <item><c>"exact phrase"</c>; a lone <c>"</c> runs to the end of the input;</item>
/// <item><c>OR</c> (upper case) between terms, binding tighter than the implicit AND as in web search:
/// <c>a b OR c</c> is a AND (b OR c);</item>
/// <item><c>-word</c> and <c>-"phrase"</c> exclude;</item>
/// <item><c>word*</c> and <c>"a phrase"*</c> are prefixes;</item>
/// <item><c>headline:</c>, <c>lead:</c>, <c>body:</c> and <c>place:</c> scope a word, phrase or prefix.</item>
/// </list>
/// Anything else is text: parentheses, NOT, AND, NEAR, lower-case or, unknown <c>foo:</c> prefixes. The
/// parser never throws on user input; it returns a query or an error worded for the user.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 500;

    public static SearchQueryResult Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return SearchQueryResult.Failure(SearchQueryErrors.Empty);
        }

        if (q.Length > MaxLength)
        {
            return SearchQueryResult.Failure(SearchQueryErrors.TooLong(q.Length));
        }

        var items = QueryLexer.Split(q);
        var clauses = new List<(List<SearchTerm> Alternatives, bool IsExcluded, string Source)>();
        var sawOr = false;
        var sawText = false;
        var orPending = false;

        foreach (var item in items)
        {
            if (item.IsOr)
            {
                // OR only joins what stands on both sides of it. One at the start or end (the user is still
                // typing) or a doubled OR OR joins nothing more and is ignored.
                sawOr = true;
                orPending = clauses.Count > 0;
                continue;
            }

            sawText = true;
            var term = ToTerm(item);
            if (term is null)
            {
                // Punctuation, emoji or an empty phrase: FTS5 would find no tokens in it, and a term without
                // tokens matches nothing, which would empty the whole AND. Drop it, and let an OR around it
                // join its neighbours instead.
                continue;
            }

            if (orPending)
            {
                var previous = clauses[^1];
                if (item.IsExcluded || previous.IsExcluded)
                {
                    // "a OR -b" would mean "a, or anything without b": the "everything except" an index
                    // cannot list. Say so rather than guess which half the user meant.
                    return SearchQueryResult.Failure(
                        SearchQueryErrors.ExcludedAlternative(item.IsExcluded ? item.Source : previous.Source));
                }

                previous.Alternatives.Add(term);
                orPending = false;
                continue;
            }

            clauses.Add(([term], item.IsExcluded, item.Source));
        }

        if (clauses.Count == 0)
        {
            return SearchQueryResult.Failure(sawOr && !sawText ? SearchQueryErrors.LoneOr : SearchQueryErrors.NoWords);
        }

        if (clauses.All(c => c.IsExcluded))
        {
            return SearchQueryResult.Failure(SearchQueryErrors.OnlyExclusions);
        }

        return SearchQueryResult.Success(new SearchQuery(
            new ValueList<SearchClause>(clauses.Select(c => new SearchClause(new ValueList<SearchTerm>(c.Alternatives), c.IsExcluded)))));
    }

    /// <summary>The item's tokens as a term, or null when it has none to search for.</summary>
    private static SearchTerm? ToTerm(QueryLexer.Item item)
    {
        var tokens = QueryTokenizer.Tokenize(item.Text);
        return tokens.Count == 0
            ? null
            : new SearchTerm(new ValueList<string>(tokens.Select(t => t.Text)), item.IsPrefix, item.Column);
    }
}
