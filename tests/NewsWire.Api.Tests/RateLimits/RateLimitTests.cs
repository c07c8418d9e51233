using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.RateLimits;

/// <summary>Per-client budgets that answer 429 problems when spent and say on every answer what is left (ADR 14).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task ABurstPastTheReadLimitIsRefusedUntilTheWindowEnds()
    {
        await using var app = new RateLimitedApp(Reads(3, 10));
        using var client = app.From();

        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var allowed = await client.GetAsync("/api/articles");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
            Header(allowed, "RateLimit-Policy").Should().Be("\"reads\";q=3;w=10");
            Header(allowed, "RateLimit").Should().Be($"\"reads\";r={remaining};t=10");
        }

        app.Clock.Advance(TimeSpan.FromSeconds(4));
        var refused = await client.GetAsync("/api/articles");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(6));
        Header(refused, "RateLimit").Should().Be("\"reads\";r=0;t=6");
        Header(refused, "RateLimit-Policy").Should().Be("\"reads\";q=3;w=10");
        var problem = await refused.ReadProblemAsync();
        problem.Status.Should().Be(429);
        problem.Detail.Should().Contain("3 requests per 10 s per client address").And.Contain("6 s");

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        var afterWindow = await client.GetAsync("/api/articles");

        afterWindow.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(afterWindow, "RateLimit").Should().Be("\"reads\";r=2;t=10");
    }

    [Theory]
    [InlineData("/api/articles/1")]
    [InlineData("/api/articles/999")]
    [InlineData("/api/articles?limt=5")]
    [InlineData("/health")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/no/such/route")]
    public async Task EveryAnswerCarriesTheHeaders(string path)
    {
        await using var app = new RateLimitedApp(Reads(100, 60));
        using var client = app.From();

        await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Header(second, "RateLimit-Policy").Should().Be("\"reads\";q=100;w=60");
        Header(second, "RateLimit").Should().Be("\"reads\";r=98;t=60", "the count is this request's, also when the answer was cached");
    }

    [Fact]
    public async Task WritesAreCountedPerApiKey()
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?>
        {
            ["NewsWire:RateLimits:Writes:PermitLimit"] = "2",
            ["NewsWire:ApiKeys:1"] = "second-key",
        });
        using var first = app.From("203.0.113.1", NewsWireApp.ApiKey);
        using var sameKeyElsewhere = app.From("198.51.100.9", NewsWireApp.ApiKey);
        using var second = app.From("203.0.113.1", "second-key");

        (await first.PostArticleAsync(Stories.Input("One"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await sameKeyElsewhere.PostArticleAsync(Stories.Input("Two"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var refused = await first.PostArticleAsync(Stories.Input("Three"));
        var otherKey = await second.PostArticleAsync(Stories.Input("Four"));
        var read = await first.GetAsync("/api/articles");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Header(refused, "RateLimit-Policy").Should().Be("\"writes\";q=2;w=60");
        (await refused.ReadProblemAsync()).Detail.Should().Contain("per API key");
        otherKey.StatusCode.Should().Be(HttpStatusCode.Created);
        read.StatusCode.Should().Be(HttpStatusCode.OK, "reads have their own budget");
    }

    [Fact]
    public async Task InventedKeysShareTheirAddressBudget()
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?> { ["NewsWire:RateLimits:Writes:PermitLimit"] = "2" });

        var answers = new List<HttpStatusCode>();
        foreach (var key in new[] { "guess-1", "guess-2", "guess-3" })
        {
            using var client = app.From("203.0.113.1", key);
            answers.Add((await client.DeleteAsync("/api/articles/1")).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SearchHasItsOwnTighterBudget()
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?> { ["NewsWire:RateLimits:Search:PermitLimit"] = "1" });
        using var client = app.From();

        (await client.GetAsync("/api/search?q=refugees")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await client.GetAsync("/api/search?q=refugees");
        var listing = await client.GetAsync("/api/articles");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Header(refused, "RateLimit-Policy").Should().Be("\"search\";q=1;w=60");
        listing.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(listing, "RateLimit").Should().StartWith("\"reads\";r=1199;");
    }

    [Fact]
    public async Task ImportsHaveTheirOwnTighterBudget()
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?> { ["NewsWire:RateLimits:Imports:PermitLimit"] = "1" });
        using var writer = app.From(apiKey: NewsWireApp.ApiKey);
        HttpContent Ndjson(string headline) => new StringContent($"{{\"headline\":\"{headline}\",\"body\":\"Text.\"}}", Encoding.UTF8, "application/x-ndjson");

        (await writer.PostAsync("/api/articles/import", Ndjson("First import"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await writer.PostAsync("/api/articles/import", Ndjson("Second import"));
        var single = await writer.PostArticleAsync(Stories.Input("A single write"));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Header(refused, "RateLimit-Policy").Should().Be("\"imports\";q=1;w=60");
        single.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("203.0.113.1", "203.0.113.2", false)]
    [InlineData("203.0.113.1", "::ffff:203.0.113.1", true)]
    [InlineData("2001:db8:0:1::1", "2001:db8:0:1::ffff", true)]
    [InlineData("2001:db8:0:1::1", "2001:db8:0:2::1", false)]
    public async Task ClientAddressesAreCountedApart(string first, string second, bool shareABudget)
    {
        await using var app = new RateLimitedApp(Reads(1, 60));
        using var a = app.From(first);
        using var b = app.From(second);

        (await a.GetAsync("/api/articles")).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await b.GetAsync("/api/articles");

        other.StatusCode.Should().Be(shareABudget ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
    }

    [Fact]
    public async Task XForwardedForIsIgnoredWithoutATrustedProxy()
    {
        await using var app = new RateLimitedApp(Reads(1, 60));
        using var proxy = app.From("10.0.0.5");

        (await proxy.SendAsync(Forwarded("198.51.100.1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var spoofed = await proxy.SendAsync(Forwarded("198.51.100.2"));

        spoofed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "without a trusted proxy the header is anyone's to write");
    }

    [Theory]
    [InlineData("NewsWire:ForwardedHeaders:KnownProxies:0", "10.0.0.5")]
    [InlineData("NewsWire:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/24")]
    public async Task XForwardedForFromATrustedProxyNamesTheClient(string setting, string value)
    {
        var settings = Reads(1, 60);
        settings[setting] = value;
        await using var app = new RateLimitedApp(settings);
        using var proxy = app.From("10.0.0.5");
        using var untrusted = app.From("192.0.2.99");

        (await proxy.SendAsync(Forwarded("198.51.100.1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await proxy.SendAsync(Forwarded("198.51.100.2"))).StatusCode.Should().Be(HttpStatusCode.OK, "a second client behind the proxy");
        (await proxy.SendAsync(Forwarded("198.51.100.1"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the first client again");
        (await untrusted.SendAsync(Forwarded("198.51.100.3"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await untrusted.SendAsync(Forwarded("198.51.100.4"))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests,
            "a host that is not a trusted proxy is counted as itself");
    }

    [Fact]
    public async Task LimitsCanBeTurnedOff()
    {
        var settings = Reads(1, 60);
        settings["NewsWire:RateLimits:Enabled"] = "false";
        await using var app = new NewsWireApp(settings: settings);
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync("/api/articles");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.Contains("RateLimit").Should().BeFalse();
        }
    }

    [Fact]
    public async Task TheDefaultsAreOnAndGenerous()
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?>());
        using var client = app.From();

        var read = await client.GetAsync("/api/articles");
        var search = await client.GetAsync("/api/search?q=refugees");

        Header(read, "RateLimit-Policy").Should().Be("\"reads\";q=1200;w=60");
        Header(search, "RateLimit-Policy").Should().Be("\"search\";q=120;w=60");
    }

    [Fact]
    public async Task BrowsersMayReadTheHeaders()
    {
        await using var app = new RateLimitedApp(Reads(10, 60));
        using var client = app.From();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles") { Headers = { { "Origin", "https://reader.example" } } };

        var response = await client.SendAsync(request);

        response.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries))
            .Should().Contain(["RateLimit", "RateLimit-Policy", "Retry-After"]);
    }

    [Theory]
    [InlineData("NewsWire:RateLimits:Reads:PermitLimit", "0", "NewsWire:RateLimits:Reads")]
    [InlineData("NewsWire:RateLimits:Search:WindowSeconds", "-5", "NewsWire:RateLimits:Search")]
    [InlineData("NewsWire:ForwardedHeaders:KnownProxies:0", "the-balancer", "KnownProxies")]
    [InlineData("NewsWire:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "KnownNetworks")]
    public async Task BadSettingsStopTheServiceAtStart(string setting, string value, string named)
    {
        await using var app = new RateLimitedApp(new Dictionary<string, string?> { [setting] = value });

        var start = app.Start;

        start.Should().Throw<OptionsValidationException>().WithMessage($"*{named}*");
    }

    private static Dictionary<string, string?> Reads(int permits, int seconds) => new()
    {
        ["NewsWire:RateLimits:Reads:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NewsWire:RateLimits:Reads:WindowSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static HttpRequestMessage Forwarded(string client) =>
        new(HttpMethod.Get, "/api/articles") { Headers = { { "X-Forwarded-For", client } } };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "(absent)";
}
