using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsWire.Bench.Report;

namespace NewsWire.Bench.Http;

/// <summary>
/// Catalogue, related stories and feeds through HTTP, one request at a time (a keep-alive client, no load),
/// on a service as configured. Catalogue answers are kept until the database changes, so they are timed
/// warm, and the counting a write leaves to the next request is timed apart (the service's own statements,
/// in process). Related stories are timed on ids drawn once each, so no answer comes from the article cache.
/// </summary>
internal static class FeatureProbe
{
    private static readonly string[] Prefixes = ["a", "ba", "lo", "new", "s", "to", "zu", "mo", "pa", "c"];

    public static async Task<Dictionary<string, object>> RunAsync(Uri service, string database, int samples)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(60) };
        var random = new Random(20261201);
        var ids = ReadIds(database);
        var results = new Dictionary<string, object>();
        foreach (var list in new[] { "sources", "tags", "places" })
        {
            await TimeAsync(client, $"/api/{list}", 1);
            results[list] = await TimeAsync(client, $"/api/{list}", samples);
            results[$"{list}, prefix"] = await TimeAsync(client, i => $"/api/{list}?prefix={Prefixes[i % Prefixes.Length]}&limit=10", samples);
        }

        results["catalogue recount (after a write)"] = Recount(database, samples: 5);
        results["related"] = await TimeAsync(client, _ => $"/api/articles/{ids[random.Next(ids.Count)]}/related", samples);
        // A feed is the listing's page or the search's: a few samples say what it adds to them.
        var feeds = Math.Min(samples, 20);
        results["feed: atom, newest"] = await TimeAsync(client, "/feeds/atom", feeds);
        results["feed: atom, q=oil"] = await TimeAsync(client, "/feeds/atom?q=oil", feeds);
        results["feed: json, tag=grain"] = await TimeAsync(client, "/feeds/json?tag=grain", feeds);
        return results;
    }

    private static Task<object> TimeAsync(HttpClient client, string path, int samples) => TimeAsync(client, _ => path, samples);

    private static async Task<object> TimeAsync(HttpClient client, Func<int, string> path, int samples)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var url = path(i);
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Summary(times);
    }

    private static readonly string[] Lists = ["sources", "places", "tags"];

    /// <summary>The three counting statements the catalogue runs, as EF Core sends them (see CatalogueCounts).</summary>
    private static readonly string[] Statements =
    [
        "SELECT MIN(Source), COUNT(CASE WHEN DuplicateOfId IS NULL THEN 1 END) FROM Articles WHERE Source IS NOT NULL GROUP BY Source",
        "SELECT MIN(Place), COUNT(CASE WHEN DuplicateOfId IS NULL THEN 1 END) FROM Articles WHERE Place IS NOT NULL GROUP BY Place",
        "SELECT MIN(Name), COUNT(*) FROM ArticleTags WHERE ArticleId NOT IN (SELECT Id FROM Articles WHERE DuplicateOfId IS NOT NULL) GROUP BY Name",
    ];

    private static Dictionary<string, object> Recount(string database, int samples)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var times = new Dictionary<string, object>();
        foreach (var (name, sql) in Lists.Zip(Statements))
        {
            var samplesOf = new List<double>();
            for (var i = 0; i <= samples; i++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                var clock = Stopwatch.StartNew();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                    }
                }

                if (i > 0)
                {
                    samplesOf.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times[name] = Summary(samplesOf);
        }

        return times;
    }

    private static List<long> ReadIds(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Articles ORDER BY Id";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static Dictionary<string, double> Summary(List<double> times) => new()
    {
        ["samples"] = times.Count,
        ["median_ms"] = Stats.Round(Stats.Percentile(times, 50)),
        ["p90_ms"] = Stats.Round(Stats.Percentile(times, 90)),
        ["max_ms"] = Stats.Round(times.Max()),
    };
}
