using System.Diagnostics;
using System.Text.Json;
using NewsWire.Bench.Report;

namespace NewsWire.Bench.Search;

/// <summary>One way of answering a search: a running service over HTTP, or the service's search in this process.</summary>
internal sealed record SearchSide(string Name, Func<SearchCase, Task<int>> Search, int WarmupRounds);

/// <summary>
/// The mix answered by several sides (the Lucene service over HTTP, the FTS5 service over HTTP on the same
/// database, the Lucene search in process…) one request at a time, interleaved: in every round each case is
/// asked of every side before the next case, the sides' order turning from round to round, so that whatever
/// else the shared machine does falls on all sides alike. Besides the 17 searches of the mix it asks
/// <see cref="Extras"/>: the facets' own cost is the mix's facets case against the same words without facets.
/// Warm-up rounds are untimed (.NET's tiered JIT needs some 30 calls of a method to run its optimized code);
/// a side can ask for fewer (FTS5 at 1M spends seconds a round).
/// </summary>
internal static class SearchComparison
{
    public static IReadOnlyList<SearchCase> Extras { get; } =
    [
        new("facets' words without facets", "trade"),
    ];

    public sealed record CaseFigures(string Name, string Url, int Total, double MedianMs, double P99Ms, double MeanMs);

    public static async Task<object> RunAsync(IReadOnlyList<SearchSide> sides, int rounds, int warmup)
    {
        var cases = QueryMix.Cases.Concat(Extras).ToList();
        var samples = sides.ToDictionary(s => s.Name, _ => cases.Select(_ => new List<double>(rounds)).ToArray());
        var totals = sides.ToDictionary(s => s.Name, _ => new int[cases.Count]);
        for (var round = -warmup; round < rounds; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                for (var k = 0; k < sides.Count; k++)
                {
                    var side = sides[(k + Math.Max(round, 0)) % sides.Count];
                    if (round < -side.WarmupRounds)
                    {
                        continue;
                    }

                    var clock = Stopwatch.StartNew();
                    var total = await side.Search(cases[c]);
                    clock.Stop();
                    totals[side.Name][c] = total;
                    if (round >= 0)
                    {
                        samples[side.Name][c].Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        var mix = QueryMix.Cases.Count;
        var disagreements = Enumerable.Range(0, cases.Count)
            .Where(c => sides.Select(s => totals[s.Name][c]).Distinct().Count() > 1)
            .Select(c => new { cases[c].Name, totals = sides.ToDictionary(s => s.Name, s => totals[s.Name][c]) })
            .ToList();
        return new
        {
            rounds,
            warmup,
            order = "interleaved: each case on every side before the next case, the sides' order turning each round",
            totalsAgree = disagreements.Count == 0,
            disagreements,
            sides = sides.ToDictionary(s => s.Name, s =>
            {
                var all = samples[s.Name].Take(mix).SelectMany(x => x).ToList();
                return new
                {
                    warmupRounds = Math.Min(s.WarmupRounds, warmup),
                    mix = new
                    {
                        medianMs = Stats.Round(Stats.Percentile(all, 50)),
                        p99Ms = Stats.Round(Stats.Percentile(all, 99)),
                        meanMs = Stats.Round(all.Average()),
                        maxMs = Stats.Round(all.Max()),
                    },
                    cases = cases.Select((sc, c) => new CaseFigures(sc.Name, sc.Url(), totals[s.Name][c],
                        Stats.Round(Stats.Percentile(samples[s.Name][c], 50)), Stats.Round(Stats.Percentile(samples[s.Name][c], 99)),
                        Stats.Round(samples[s.Name][c].Average()))).ToList(),
                };
            }),
        };
    }

    /// <summary>A running service: GET the case's URL on a keep-alive client, read the whole body, return its total.</summary>
    public static SearchSide Http(string name, HttpClient client, int warmupRounds) => new(name, async search =>
    {
        using var response = await client.GetAsync(search.Url());
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{name} {search.Url()}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt32();
    }, warmupRounds);
}
