using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Every route, every method, every hostile body (<see cref="HostileBodies"/>), with and without the API key,
/// through real Kestrel: no answer is a 5xx and every 4xx is an RFC 9457 problem. One case per route, so a
/// bug on one route can be marked without hiding the others.
/// </summary>
public sealed class HostileBodyTests(KestrelFixture service, ITestOutputHelper output) : IClassFixture<KestrelFixture>
{
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];

    public static TheoryData<string> Routes { get; } = new()
    {
        "/api/articles",
        "/api/articles/1",
        "/api/articles/no-such-slug",
        "/api/articles/99999999999999999999999",
        "/api/articles/1/quotes",
        "/api/articles/999999/quotes",
        "/api/articles/import",
        "/api/search?q=oil",
        "/api/search",
        "/health",
        "/unknown",
        "/api/articles/1/unknown",
        "/api/articles/%FF%FE%00",
        "/api/articles/" + new string('a', 3000),
        "/api/articles?limit=5&unknown=1",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryMethodAndHostileBodyOnARouteGetsNo5xxAndOnlyProblemsFor4xx(string route)
    {
        var tally = new ErrorTally();
        foreach (var method in Methods)
        {
            foreach (var body in HostileBodies.All)
            {
                await SendAsync(service.Writer, tally, method, route, body, "with key");
            }

            // Without a key, writes must stop at 401 before any body is read.
            await SendAsync(service.Reader, tally, method, route, HostileBodies.All[2], "no key");
            await SendAsync(service.Reader, tally, method, route, HostileBodies.All[11], "no key");
        }

        output.WriteLine($"{Clip(route)}: {tally.Describe()}");
        tally.Violations.Should().BeEmpty(tally.ViolationReport());
    }

    private static async Task SendAsync(HttpClient client, ErrorTally tally, HttpMethod method, string route, HostileBody body, string key)
    {
        using var request = new HttpRequestMessage(method, route) { Content = body.ToContent() };
        try
        {
            using var response = await client.SendAsync(request);
            await tally.RecordAsync($"{method} {Clip(route)} [{body.Name}, {key}]", response);
        }
        catch (HttpRequestException e)
        {
            Console.WriteLine($"TRANSPORT {method} {Clip(route)} [{body.Name}, {key}]: {e.Message} / {e.InnerException?.Message}");
        }
    }

    private static string Clip(string route) => route.Length <= 60 ? route : route[..60] + "…";
}
