using System.Text;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search;

/// <summary>
/// The listing filters as SQL for the hand-written FTS5 statements: the article's id is <c>s.rowid</c>, and
/// its columns are the <c>Articles a</c> alias, which <see cref="NeedsArticleColumns"/> tells the caller to
/// join. Same semantics as <see cref="ArticleFilter.ApplyTo"/>: values bound as parameters, repeated values
/// OR, different filters AND, and the columns' NOCASE collation makes the comparisons case-insensitive.
/// </summary>
internal static class SqliteFilterSql
{
    /// <summary>Whether the filter reads article columns. Without, a search never touches the Articles rows
    /// of its matches, which at a million articles is most of the cost of counting a common word.</summary>
    public static bool NeedsArticleColumns(ArticleFilter filter) =>
        filter.Sources.Count > 0 || filter.Places.Count > 0 || filter.Langs.Count > 0
        || filter.From is not null || filter.ToExclusive is not null;

    public static string Where(ArticleFilter filter, SqliteCommand command)
    {
        var sql = new StringBuilder();
        if (!filter.IncludeDuplicates)
        {
            // Near-duplicates are few: their ids are read once from the (DuplicateOfId, …) index, not from each match's row.
            sql.Append(" AND s.rowid NOT IN (SELECT Id FROM Articles WHERE DuplicateOfId IS NOT NULL)");
        }

        In(sql, command, "a.Source", "source", filter.Sources);
        In(sql, command, "a.Place", "place", filter.Places);
        In(sql, command, "a.Lang", "lang", filter.Langs);
        if (filter.Tags.Count > 0)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM ArticleTags t WHERE t.ArticleId = s.rowid AND ");
            In(sql, command, "t.Name", "tag", filter.Tags, prefix: "");
            sql.Append(')');
        }

        if (filter.From is { } from)
        {
            sql.Append(" AND a.PublishedAt >= $from");
            command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        }

        if (filter.ToExclusive is { } to)
        {
            sql.Append(" AND a.PublishedAt < $to");
            command.Parameters.AddWithValue("$to", SqliteTime.Format(to));
        }

        return sql.ToString();
    }

    private static void In(StringBuilder sql, SqliteCommand command, string column, string name,
        IReadOnlyList<string> values, string prefix = " AND ")
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Append(prefix).Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = $"${name}{i}";
            sql.Append(i == 0 ? "" : ", ").Append(parameter);
            command.Parameters.AddWithValue(parameter, values[i]);
        }

        sql.Append(')');
    }
}
