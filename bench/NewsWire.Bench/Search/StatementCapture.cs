using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsWire.Bench.Sql;
using NewsWire.Api.Data;
using NewsWire.Api.Search;

namespace NewsWire.Bench.Search;

/// <summary>One SQL command as the service sent it: its text and its bound parameters.</summary>
public sealed record CapturedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public SqliteCommand ToCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

/// <summary>
/// Gets the exact statements the service runs for a search by running the service's own code once: the
/// request is parsed by <see cref="SearchParameters"/> as the endpoint parses it, and answered by the service's
/// (internal) SqliteArticleSearch, reached by reflection, over a connection that records every command it
/// executes. The engine baseline then replays those statements, so it can never drift from what the service
/// sends, however the SQL changes.
/// </summary>
internal static class StatementCapture
{
    public static async Task<IReadOnlyList<CapturedStatement>> CaptureAsync(string database, SearchCase search)
    {
        await using var connection = new RecordingConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        var options = new DbContextOptionsBuilder<NewsWireDb>().UseSqlite(connection).Options;
        await using var db = new NewsWireDb(options);
        var type = typeof(IArticleSearch).Assembly.GetType("NewsWire.Api.Search.Sqlite.SqliteArticleSearch", throwOnError: true)!;
        // With the default budget, as the service runs it: a prefix search's count of words is part of what it sends.
        var engine = (IArticleSearch)Activator.CreateInstance(
            type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [db, Options.Create(new SearchBudget())], null)!;

        var errors = new Dictionary<string, string[]>();
        var request = search.ToParameters().ToRequest(errors)
            ?? throw new ArgumentException($"The mix has a request the service refuses: {search.Url()}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        await engine.SearchAsync(request, CancellationToken.None);
        return connection.Recorded;
    }
}
