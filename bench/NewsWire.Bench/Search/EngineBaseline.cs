using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsWire.Bench.Search;

/// <summary>
/// The search baseline: for each case of the mix, the statements the service sends (captured from the
/// service's own code, <see cref="StatementCapture"/>), replayed in this one long-lived process on the same
/// database file through Microsoft.Data.Sqlite, the same SQLite build the service uses. Each case is timed in
/// process from creating its commands to reading their last row. The cases run round-robin, as wrk sends
/// them, after one untimed round that warms the page cache as the service's warm-up requests do.
/// </summary>
internal static class EngineBaseline
{
    public sealed record CaseResult(string Name, string Url, int Total, IReadOnlyList<double> Milliseconds);

    public static async Task<IReadOnlyList<CaseResult>> RunAsync(string database, int rounds)
    {
        var cases = new List<(SearchCase Case, IReadOnlyList<CapturedStatement> Statements, List<double> Samples, int[] Total)>();
        foreach (var search in QueryMix.Cases)
        {
            cases.Add((search, await StatementCapture.CaptureAsync(database, search), new List<double>(rounds), new int[1]));
        }

        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
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
    private static int Execute(SqliteConnection connection, IReadOnlyList<CapturedStatement> statements)
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
