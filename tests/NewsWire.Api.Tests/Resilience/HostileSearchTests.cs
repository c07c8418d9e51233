using System.Text;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Generated search requests through real Kestrel: hostile strings in <c>q</c> (operators, quotes, scopes,
/// every script, control characters, lone surrogates, invalid UTF-8 escapes, over-long input) combined with
/// valid and invalid values of every other parameter. The short run sends 1,000, bench/resilience.sh 10,000.
/// Search/HostileQueryTests covers hand-picked strings; this one covers the combinations.
/// </summary>
public sealed class HostileSearchTests(KestrelFixture service, ITestOutputHelper output) : IClassFixture<KestrelFixture>
{
    private static readonly string[] Pieces =
    [
        "oil", "refugee*", "\"", "\"islamic state\"", "OR", "AND", "NOT", "NEAR(a b)", "-", "-oil", "*", "headline:", "place:\"",
        "body:x*", "lead:-", "(", ")", "{", "}", "^", ":", "'", ";--", "\\", "%", "_", "беженц*", "Zürich", "中文", "שלום", "😀",
        "\u0000", "\u0007", "\u001F", "\u202E", "\uE000", "\uE001", "\uFFFD", "\uFEFF", "\t", "\n", " ", "  ",
    ];

    private static readonly Func<Random, string>[] Parameters =
    [
        r => "sort=" + Pick(r, "relevance", "newest", "oldest", "NEWEST", "rank", "", "%00"),
        r => "limit=" + Pick(r, "1", "100", "0", "-1", "101", "1e3", "abc", "99999999999999999999", ""),
        r => "offset=" + Pick(r, "0", "10000", "10001", "-5", "x", "2147483648", ""),
        r => "facets=" + Pick(r, "source,tag,place,month", "tag", "bogus", ",,", "tag,tag", "", "SOURCE"),
        r => "from=" + Pick(r, "2015-01-01", "2026-13-45", "yesterday", "0001-01-01", "9999-12-31T23:59:59Z", "2015-01-01T00:00:00+25:00", ""),
        r => "to=" + Pick(r, "2015-12-31", "1900-01-01", "2015-02-30", "now", ""),
        r => "source=" + Pick(r, "TASS", "tass", new string('s', 3000), "%FF%FE", ""),
        r => "tag=" + Pick(r, "refugees", "", "%00", "a%2Cb"),
        r => "place=" + Pick(r, "Tashkent", "%E2%80%AE", ""),
        r => "lang=" + Pick(r, "en", "ru", "xx-invalid-tag-!!", ""),
        r => "includeDuplicates=" + Pick(r, "true", "false", "yes", "1", ""),
        r => Pick(r, "q=second", "unknown=1", "limt=5", "Q=oil", "q", "&&", "="),
    ];

    [Fact]
    public async Task GeneratedSearchRequestsGetNo5xxAndOnlyProblemsFor4xx()
    {
        var random = new Random(ResilienceSettings.Seed);
        var tally = new ErrorTally();
        for (var i = 0; i < ResilienceSettings.HostileSearches; i++)
        {
            // Each parameter at most once, so the request line stays under Kestrel's 8 KB limit (past it Kestrel
            // itself answers 414 before NewsWire runs: see HostileBodyTests for that boundary).
            var path = "/api/search?" + string.Join('&', new[] { "q=" + Query(random) }
                .Concat(Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(Parameters.Length)).Distinct().Select(p => Parameters[p](random))));
            using var response = await service.Reader.GetAsync(path);
            var body = await tally.RecordAsync("GET " + path, response);
            if (response.IsSuccessStatusCode || (int)response.StatusCode >= 500)
            {
                body.Should().NotContainAny(["SQLite", "fts5", "Exception"], "no engine message leaks: {0}", path);
            }
        }

        output.WriteLine($"{ResilienceSettings.HostileSearches:N0} generated searches (seed {ResilienceSettings.Seed}): {tally.Describe()}");
        tally.Violations.Should().BeEmpty(tally.ViolationReport());
    }

    /// <summary>A q of hostile pieces and random code points, percent-encoded; now and then raw invalid UTF-8 or over 500 characters.</summary>
    private static string Query(Random random)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 12);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(random.Next(6) == 0 ? (char)random.Next(0x20, 0xFFFF) : Pieces[random.Next(Pieces.Length)]);
            text.Append(random.Next(3) == 0 ? "" : " ");
        }

        if (random.Next(50) == 0)
        {
            text.Append(new string('x', 500));
        }

        var q = Uri.EscapeDataString(text.ToString().Replace("\uD800", "", StringComparison.Ordinal));
        return random.Next(20) switch
        {
            0 => q + "%FF%FE%C3%28", // invalid UTF-8 after percent-decoding
            1 => q + "%ED%A0%80", // an encoded lone surrogate
            2 => "", // empty q
            _ => q,
        };
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
