using Lucene.Net.Search;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// A Lucene query written short, for table-driven tests: <c>+a -b</c> for required and excluded clauses,
/// <c>(a OR b)</c>, <c>"a b"</c> phrases, <c>a*</c> prefixes, <c>field:</c> before a term held to one field.
/// A term looked for in all four text fields (the unscoped case) is written without a field.
/// </summary>
internal static class QueryDescription
{
    private static readonly string[] TextFields = ["headline", "lead", "body", "place"];

    public static string Of(Query query) => query switch
    {
        BooleanQuery { Clauses.Count: 0 } => "∅",
        BooleanQuery b when b.Clauses.All(c => c.Occur == Occur.SHOULD) && AllFields(b) is { } inner => inner,
        BooleanQuery b when b.Clauses.All(c => c.Occur == Occur.SHOULD) => "(" + string.Join(" OR ", b.Clauses.Select(c => Of(c.Query))) + ")",
        BooleanQuery b => string.Join(" ", b.Clauses.Select(c => (c.Occur == Occur.MUST_NOT ? "-" : "+") + Of(c.Query))),
        TermQuery t => $"{t.Term.Field}:{t.Term.Text}",
        PhraseQuery p => $"{p.GetTerms()[0].Field}:\"{string.Join(' ', p.GetTerms().Select(t => t.Text))}\"",
        PrefixQuery p => $"{p.Prefix.Field}:{p.Prefix.Text}*",
        PhrasePrefixQuery p => $"{p.Field}:\"{string.Join(' ', p.Leading.Append(p.Prefix))}\"*",
        _ => query.ToString(),
    };

    /// <summary>The clause without its field when it is the same term in each text field; otherwise null.</summary>
    private static string? AllFields(BooleanQuery query)
    {
        if (query.Clauses.Count != TextFields.Length)
        {
            return null;
        }

        var described = query.Clauses.Select(c => Of(c.Query)).ToList();
        var withoutField = described.Select((d, i) => d.StartsWith(TextFields[i] + ":", StringComparison.Ordinal) ? d[(TextFields[i].Length + 1)..] : null).ToList();
        return withoutField.All(d => d is not null && d == withoutField[0]) ? withoutField[0] : null;
    }

    public static Query Render(string q)
    {
        var parsed = SearchQueryParser.Parse(q);
        parsed.IsValid.Should().BeTrue($"'{q}' should parse, but: {parsed.Error}");
        return LuceneQueryRenderer.Render(parsed.Query!);
    }
}

/// <summary>Search requests as the API builds them, for the engine tests.</summary>
internal static class Requests
{
    public static ArticleFilter NoFilter { get; } = new([], [], [], [], null, null);

    public static SearchRequest For(string q, ArticleFilter? filter = null, SearchSort sort = SearchSort.Relevance,
        int limit = 100, int offset = 0, params Facet[] facets)
    {
        var parsed = SearchQueryParser.Parse(q);
        parsed.IsValid.Should().BeTrue($"'{q}' should parse, but: {parsed.Error}");
        return new SearchRequest(parsed.Query!, filter ?? NoFilter, sort, limit, offset, facets.ToHashSet());
    }
}
