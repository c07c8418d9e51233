using System.Text;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Search.Sqlite;

/// <summary>
/// <see cref="ArticleFilter"/> as SQL for the hand-written FTS5 statements: the article's id is <c>s.rowid</c>,
/// and its columns are the <c>Articles a</c> alias, which <see cref="NeedsArticleColumns"/> tells the caller to
/// join. Values are bound as parameters; the columns' case-insensitive collation (<c>CaseInsensitiveText</c>)
/// makes the comparisons ignore case, as the EF query's do.
/// </summary>
internal static class SqliteFilterSql
{
    /// <summary>Whether the filter reads article columns. Without, a search never touches the Articles rows
    /// of its matches, which at a million articles is most of the cost of counting a common word.</summary>
    public static bool NeedsArticleColumns(ArticleFilter filter) =>
        filter.From is not null || filter.ToExclusive is not null || filter.Values.Any(v => Column(v.Field).OnArticle);

    public static string Where(ArticleFilter filter, SqliteCommand command)
    {
        var sql = new StringBuilder();
        if (!filter.IncludeDuplicates)
        {
            // Near-duplicates are few: their ids are read once from the (DuplicateOfId, …) index, not from each match's row.
            sql.Append(" AND s.rowid NOT IN (SELECT Id FROM Articles WHERE DuplicateOfId IS NOT NULL)");
        }

        foreach (var (field, values) in filter.Values)
        {
            var (column, onArticle) = Column(field);
            var parameter = field.ToString().ToLowerInvariant();
            if (onArticle)
            {
                In(sql.Append(" AND "), command, column, parameter, values);
            }
            else
            {
                In(sql.Append(" AND EXISTS (SELECT 1 FROM ArticleTags t WHERE t.ArticleId = s.rowid AND "), command, column, parameter, values);
                sql.Append(')');
            }
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

    /// <summary>Where a value filter's column is: on the article row, or in its tags.</summary>
    private static (string Column, bool OnArticle) Column(ValueField field) => field switch
    {
        ValueField.Source => ("a.Source", true),
        ValueField.Tag => ("t.Name", false),
        ValueField.Place => ("a.Place", true),
        ValueField.Lang => ("a.Lang", true),
    };

    private static void In(StringBuilder sql, SqliteCommand command, string column, string name, IReadOnlyList<string> values)
    {
        sql.Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = $"${name}{i}";
            sql.Append(i == 0 ? "" : ", ").Append(parameter);
            command.Parameters.AddWithValue(parameter, values[i]);
        }

        sql.Append(')');
    }
}
