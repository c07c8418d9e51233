using System.Text.RegularExpressions;
using System.Data.Common;

namespace NewsWire.Storage;

public sealed partial class ArticleWriter
{
    /// <summary>A command created once per writer; its @parameters are found in the SQL and bound by name.</summary>
    private DbCommand Prepare(string name, string sql)
    {
        if (!_commands.TryGetValue(name, out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            foreach (var parameter in ParameterNames().Matches(sql).Select(m => m.Value).Distinct())
            {
                var added = command.CreateParameter();
                added.ParameterName = parameter;
                added.Value = DBNull.Value;
                command.Parameters.Add(added);
            }

            _commands[name] = command;
        }

        return command;
    }

    private T? Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Prepare(sql, sql);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters[parameterName].Value = value;
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Prepare(sql, sql);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters[parameterName].Value = value;
        }

        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    [GeneratedRegex(@"@[A-Za-z0-9]+")]
    private static partial Regex ParameterNames();
}
