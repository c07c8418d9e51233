using System.Diagnostics;
using System.Text.Json;
using NewsWire.Bench.Search;

namespace NewsWire.Bench.Http;

/// <summary>
/// The mix through HTTP one request at a time (a keep-alive HttpClient, no load), timed per case, so each
/// case's HTTP median can be set beside its engine median. wrk gives the figures under load; this gives the
/// per-case ratio, which says where the cost is. Each answer's total is kept to check the engine copy matches.
/// </summary>
internal static class SearchProbe
{
    public static async Task<IReadOnlyList<EngineBaseline.CaseResult>> RunAsync(Uri service, int rounds)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(60) };
        var results = QueryMix.Cases.Select(c => (Case: c, Samples: new List<double>(rounds), Total: new int[1])).ToList();
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (search, samples, total) in results)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(search.Url());
                var body = await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{search.Url()}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                }

                if (round >= 0)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                }

                using var json = JsonDocument.Parse(body);
                total[0] = json.RootElement.GetProperty("total").GetInt32();
            }
        }

        return results.Select(r => new EngineBaseline.CaseResult(r.Case.Name, r.Case.Url(), r.Total[0], r.Samples)).ToList();
    }
}
