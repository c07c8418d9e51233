using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsWire.Bench.Search;

/// <summary>
/// The search baseline: the service's FTS5 statements for the mix, run in this one long-lived process on the
/// same database file through Microsoft.Data.Sqlite (the same SQLite build the service uses), each timed in
/// process from creating the command to reading its last row. The cases run round-robin, as wrk sends them,
/// after one untimed round that warms the page cache the way the service's warm-up requests do.
/// </summary>
internal static class EngineBaseline
{
    public sealed record CaseResult(string Name, string Url, int Total, IReadOnlyList<double> Milliseconds);

    public static IReadOnlyList<CaseResult> Run(string database, int rounds)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var cases = QueryMix.Cases.Select(c => (Case: c, Match: EngineStatements.Match(c), Samples: new List<double>(rounds), Total: new int[1])).ToList();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (search, match, samples, total) in cases)
            {
                var clock = Stopwatch.StartNew();
                total[0] = Execute(connection, search, match);
                clock.Stop();
                if (round >= 0)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        return cases.Select(c => new CaseResult(c.Case.Name, c.Case.Url(), c.Total[0], c.Samples)).ToList();
    }

    /// <summary>Runs the hits command and, when the case asks for facets, the facets command; reads every value.</summary>
    private static int Execute(SqliteConnection connection, SearchCase search, string match)
    {
        int total;
        using (var hits = EngineStatements.Hits(connection, search, match))
        using (var reader = hits.ExecuteReader())
        {
            reader.Read();
            total = reader.GetInt32(0);
            reader.NextResult();
            ReadAll(reader);
        }

        using var facets = EngineStatements.Facets(connection, search, match);
        if (facets is not null)
        {
            using var reader = facets.ExecuteReader();
            ReadAll(reader);
        }

        return total;
    }

    private static void ReadAll(SqliteDataReader reader)
    {
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
        }
    }
}
