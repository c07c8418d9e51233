using System.Text;

namespace NewsWire.Core.Search;

/// <summary>
/// Writes a <see cref="SearchQuery"/> as an SQLite FTS5 MATCH expression. The user's text reaches FTS5
/// only as double-quoted strings, so no word can be read as syntax (NOT, AND, OR, NEAR, a column name, a
/// bareword FTS5 would reject). The forms, checked against SQLite 3.53 in the tests:
/// <list type="bullet">
/// <item>a word <c>"refugees"</c>; a phrase <c>"islamic state"</c> (FTS5 tokenizes a quoted string and
/// matches its tokens adjacent); a prefix <c>"беженц"*</c> or <c>"islamic st"*</c> (the star applies to
/// the last token);</item>
/// <item>a scope <c>headline : "refugee"</c>;</item>
/// <item>an OR group <c>("b" OR "c")</c>, clauses joined by <c> AND </c>;</item>
/// <item>exclusions <c>("a" AND "b") NOT ("c" OR "d")</c>.</item>
/// </list>
/// FTS5 binds NOT tightest, then AND, then OR, and NOT is binary with the positive side first. Every
/// group of more than one part is parenthesized anyway, so the output never depends on precedence.
/// Exclusions are gathered into one OR under a single NOT rather than chained (<c>a NOT b NOT c</c>):
/// FTS5 flattens AND and OR but not NOT, and rejects trees deeper than 256. A 500-character query holds
/// at most ~166 exclusions, under that, but one NOT keeps the tree flat whatever the limit becomes.
/// </summary>
public static class Fts5Renderer
{
    public static string Render(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var expression = new StringBuilder();

        var required = query.Required.ToList();
        var excluded = query.Excluded.ToList();
        var wrapRequired = excluded.Count > 0 && required.Count > 1;

        if (wrapRequired)
        {
            expression.Append('(');
        }

        AppendJoined(expression, required, " AND ");

        if (wrapRequired)
        {
            expression.Append(')');
        }

        if (excluded.Count > 0)
        {
            expression.Append(" NOT ");
            if (excluded.Count > 1)
            {
                expression.Append('(');
            }

            AppendJoined(expression, excluded, " OR ");
            if (excluded.Count > 1)
            {
                expression.Append(')');
            }
        }

        return expression.ToString();
    }

    private static void AppendJoined(StringBuilder expression, List<SearchClause> clauses, string separator)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            if (i > 0)
            {
                expression.Append(separator);
            }

            AppendClause(expression, clauses[i]);
        }
    }

    private static void AppendClause(StringBuilder expression, SearchClause clause)
    {
        if (clause.Alternatives.Count == 1)
        {
            AppendTerm(expression, clause.Alternatives[0]);
            return;
        }

        expression.Append('(');
        for (var i = 0; i < clause.Alternatives.Count; i++)
        {
            if (i > 0)
            {
                expression.Append(" OR ");
            }

            AppendTerm(expression, clause.Alternatives[i]);
        }

        expression.Append(')');
    }

    private static void AppendTerm(StringBuilder expression, SearchTerm term)
    {
        if (term.Column is { } column)
        {
            // The column filter binds to the one phrase after it: "headline : x" is a unit in FTS5's grammar.
            expression.Append(column.Name()).Append(" : ");
        }

        // One quoted string per term: FTS5 splits it into tokens and matches them as a phrase, which is
        // also how a multi-token word like U.S. must match (u then s, adjacent).
        expression.Append('"');
        for (var i = 0; i < term.Tokens.Count; i++)
        {
            if (i > 0)
            {
                expression.Append(' ');
            }

            // Tokens never hold a quote (it is a separator), but a hand-built term might: double it, FTS5's
            // escape inside a string.
            expression.Append(term.Tokens[i].Replace("\"", "\"\"", StringComparison.Ordinal));
        }

        expression.Append('"');
        if (term.IsPrefix)
        {
            expression.Append('*');
        }
    }
}
