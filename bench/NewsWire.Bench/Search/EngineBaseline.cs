using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsWire.Bench.Search;

/// <summary>
/// The FTS5 search baseline: for each case of the mix, the statements NewsWire's FTS5 search sent
/// (<see cref="Fts5Baseline"/>, on a copy of the database with the FTS5 index built), run in this one
/// long-lived process through Microsoft.Data.Sqlite, the same SQLite build the service uses. Each case is timed in
/// process from creating its commands to reading their last row. The cases run round-robin, as wrk sends
/// them, after one untimed round that warms the page cache as the service's warm-up requests do.
/// </summary>
internal static class EngineBaseline
{
    public sealed record CaseResult(string Name, string Url, int Total, IReadOnlyList<double> Milliseconds);

    public static async Task<IReadOnlyList<CaseResult>> RunAsync(string database, int rounds)
    {
        var cases = QueryMix.Cases.Select(search => (Case: search, Statements: Fts5Baseline.Statements(search), Samples: new List<double>(rounds), Total: new int[1])).ToList();
        var (copy, build) = Fts5Baseline.Prepare(database);
        Console.Error.WriteLine($"FTS5 index built on a copy of the database in {build.TotalSeconds:F1} s: {copy}");
        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        connection.Open();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (_, statements, samples, total) in cases)
            {
                var clock = Stopwatch.StartNew();
                total[0] = Execute(connection, statements);
                clock.Stop();
                if (round >= 0)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        return cases.Select(c => new CaseResult(c.Case.Name, c.Case.Url(), c.Total[0], c.Samples)).ToList();
    }

    /// <summary>Runs every statement of a case and reads every value; returns the first value read (the count).</summary>
    internal static int Execute(SqliteConnection connection, IReadOnlyList<CapturedStatement> statements)
    {
        int? total = null;
        foreach (var statement in statements)
        {
            using var command = statement.ToCommand(connection);
            using var reader = command.ExecuteReader();
            do
            {
                var values = new object[reader.FieldCount];
                while (reader.Read())
                {
                    reader.GetValues(values);
                    total ??= Convert.ToInt32(values[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            while (reader.NextResult());
        }

        return total ?? 0;
    }
}

/// <summary>One SQL command as the service sent it: its text and its bound parameters.</summary>
internal sealed record CapturedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
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
