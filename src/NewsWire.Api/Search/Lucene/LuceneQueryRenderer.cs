using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The BM25 weight of a match in each field, as a boost on its clauses. By default the weights the FTS5
/// engine had (ADR 7): headline 10, lead 4, body 1, place 2.
/// </summary>
public sealed record FieldWeights(float Headline = 10, float Lead = 4, float Body = 1, float Place = 2)
{
    public static FieldWeights Default { get; } = new();

    /// <summary>Each a boost Lucene can apply (a negative or infinite one is not), and some text field counting.</summary>
    public bool AreUsable =>
        new[] { Headline, Lead, Body, Place }.All(w => float.IsFinite(w) && w is >= 0 and <= 1000) && Headline + Lead + Body > 0;

    public float Of(string field) => field switch
    {
        LuceneFields.Headline => Headline,
        LuceneFields.Lead => Lead,
        LuceneFields.Body => Body,
        _ => Place,
    };
}

/// <summary>
/// Renders a parsed <see cref="SearchQuery"/> as Lucene query objects, built in code: no user text ever
/// reaches a query parser, so nothing typed can be read as syntax. Each token goes through the index's own
/// <see cref="NewsAnalyzer"/>, so a query word is folded and stemmed exactly as the stored word was.
/// <list type="bullet">
/// <item>a term without a scope looks in every text field, each clause boosted by its field's weight; a
/// scope (<c>headline:</c>) keeps one field;</item>
/// <item>a word is a <see cref="TermQuery"/>, a phrase a <see cref="PhraseQuery"/> (adjacent tokens), a prefix a
/// <see cref="PrefixQuery"/> whose expansion is bounded (<see cref="BudgetedPrefixRewrite"/>), a phrase
/// ending in a prefix a <see cref="PhrasePrefixQuery"/>;</item>
/// <item>an OR group is a disjunction, clauses are required, exclusions prohibited. Coordination is off
/// (BM25 has none): a document's score is the sum of its matching clauses' scores.</item>
/// </list>
/// </summary>
internal static class LuceneQueryRenderer
{
    /// <summary>How many index terms one prefix may stand for in one field, by default (as <see cref="SearchBudget"/>).</summary>
    public static readonly int DefaultMaxWordsPerPrefix = new SearchBudget().MaxWordsPerPrefix;

    /// <summary>The Lucene query of a parsed query; <paramref name="cancellationToken"/> stops a prefix's expansion
    /// (when the search rewrites the query) part-way.</summary>
    public static Query Render(SearchQuery query, FieldWeights? weights = null, int? maxWordsPerPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        weights ??= FieldWeights.Default;
        var maxWords = maxWordsPerPrefix ?? DefaultMaxWordsPerPrefix;
        var all = new BooleanQuery(disableCoord: true);
        foreach (var clause in query.Clauses)
        {
            all.Add(Clause(clause, weights, maxWords, cancellationToken), clause.IsExcluded ? Occur.MUST_NOT : Occur.MUST);
        }

        return all;
    }

    private static Query Clause(SearchClause clause, FieldWeights weights, int maxWordsPerPrefix, CancellationToken cancellationToken)
    {
        if (clause.Alternatives.Count == 1)
        {
            return Term(clause.Alternatives[0], weights, maxWordsPerPrefix, cancellationToken);
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var term in clause.Alternatives)
        {
            any.Add(Term(term, weights, maxWordsPerPrefix, cancellationToken), Occur.SHOULD);
        }

        return any;
    }

    private static Query Term(SearchTerm term, FieldWeights weights, int maxWordsPerPrefix, CancellationToken cancellationToken)
    {
        var tokens = term.Tokens.SelectMany(NewsAnalyzer.Instance.Terms).ToList();
        if (tokens.Count == 0)
        {
            // Cannot happen with the parser's tokens (each is one index token), but a hand-built term could
            // hold none: it matches nothing, as an absent word does.
            return new BooleanQuery();
        }

        if (term.Column is { } column)
        {
            var field = Field(column);
            return InField(field, tokens, term, weights.Of(field), maxWordsPerPrefix, cancellationToken);
        }

        var anyField = new BooleanQuery(disableCoord: true);
        foreach (var field in LuceneFields.Text)
        {
            anyField.Add(InField(field, tokens, term, weights.Of(field), maxWordsPerPrefix, cancellationToken), Occur.SHOULD);
        }

        return anyField;
    }

    private static Query InField(string field, List<string> tokens, SearchTerm term, float boost, int maxWordsPerPrefix, CancellationToken cancellationToken)
    {
        // The refusal quotes the prefix as typed, not as stemmed.
        var shown = term.Display;
        // Each prefix in each field may stand for maxWordsPerPrefix terms, as each prefix may in FTS5's word list.
        Query query;
        if (term.IsPrefix && tokens.Count == 1)
        {
            query = new PrefixQuery(new Term(field, tokens[0]))
            {
                MultiTermRewriteMethod = new BudgetedPrefixRewrite(maxWordsPerPrefix, shown, cancellationToken),
            };
        }
        else if (term.IsPrefix)
        {
            query = new PhrasePrefixQuery(field, tokens[..^1], tokens[^1], maxWordsPerPrefix, shown, cancellationToken);
        }
        else if (tokens.Count == 1)
        {
            query = new TermQuery(new Term(field, tokens[0]));
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token));
            }

            query = phrase;
        }

        query.Boost = boost;
        return query;
    }

    public static string Field(SearchColumn column) => column switch
    {
        SearchColumn.Headline => LuceneFields.Headline,
        SearchColumn.Lead => LuceneFields.Lead,
        SearchColumn.Body => LuceneFields.Body,
        SearchColumn.Place => LuceneFields.Place,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a search column."),
    };
}
