using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Resilience;

namespace NewsWire.Api.Tests.Push;

/// <summary>
/// <c>GET /api/search/stream</c> over real HTTP, on a started service: what arrives, what does not, and
/// resuming with Last-Event-ID. "Nothing arrives" is never waited for: a matching article written after it
/// must be the next event.
/// </summary>
public sealed class SearchStreamTests : IAsyncLifetime
{
    internal static readonly Dictionary<string, string> FastStream = new()
    {
        ["NewsWire__Stream__PollIntervalMs"] = "20",
        ["NewsWire__Stream__HeartbeatMs"] = "300000",
    };

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"newswire-stream-{Guid.NewGuid():N}.db");
    private ServiceProcess? _service;

    private HttpClient Reader { get; set; } = null!;

    private HttpClient Writer { get; set; } = null!;

    /// <summary>The service as a process on Kestrel, as clients and proxies meet a stream that never ends.</summary>
    public async Task InitializeAsync()
    {
        _service = await ServiceProcess.StartAsync(_database, FastStream);
        Reader = _service.CreateClient(withKey: false);
        Writer = _service.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Writer.Dispose();
        await _service!.DisposeAsync();
        NewsWireApp.DeleteDatabase(_database);
    }

    [Fact]
    public async Task AMatchingArticleArrivesAsAnArticleEventWithTheSummaryListingReturnsAndItsLogPosition()
    {
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees");

        var position = await PostAsync(Stories.Input("Refugees reach the Greek islands"));

        var received = await stream.NextEventAsync();

        received!.Type.Should().Be("article");
        received.Id.Should().Be(position.ToString(CultureInfo.InvariantCulture));
        var listed = (await Reader.GetFromJsonAsync<JsonObject>("/api/articles?limit=1"))!["items"]![0]!;
        JsonNode.DeepEquals(JsonNode.Parse(received.Data), listed).Should().BeTrue($"{received.Data} should be {listed.ToJsonString()}");
        stream.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        stream.Response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
    }

    [Fact]
    public async Task ArticlesThatDoNotMatchTheQueryOrTheFiltersAreNotSent()
    {
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees&source=AP&tag=europe");

        await PostAsync(Stories.Input("Cocoa futures climb in London", source: "AP", tags: ["europe"]));
        await PostAsync(Stories.Input("Refugees cross into Turkey", source: "Reuters", tags: ["europe"]));
        await PostAsync(Stories.Input("Refugees wait at the border", source: "AP", tags: ["asia"]));
        var matching = await PostAsync(Stories.Input("Refugees arrive in Vienna", source: "ap", tags: ["Europe"]));

        (await stream.NextEventAsync())!.Id.Should().Be(matching.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AHiddenNearDuplicateIsSentOnlyToAStreamThatIncludesDuplicates()
    {
        await using var visible = await EventStreamReader.OpenAsync(Reader, "q=refugees");
        await using var all = await EventStreamReader.OpenAsync(Reader, "q=refugees&includeDuplicates=true");
        var body = "Thousands of refugees crossed the border into Turkey on Tuesday, officials said, as aid agencies prepared camps.";

        var original = await PostAsync(Stories.Input("Refugees cross into Turkey", body: body));
        var repeat = await PostAsync(Stories.Input("Refugees cross into Turkey, officials say", body: body + " More came on Wednesday."));
        var next = await PostAsync(Stories.Input("Refugees reach Athens"));

        (await visible.NextEventAsync())!.Id.Should().Be(original.ToString(CultureInfo.InvariantCulture));
        (await visible.NextEventAsync())!.Id.Should().Be(next.ToString(CultureInfo.InvariantCulture));
        (await all.NextEventAsync())!.Id.Should().Be(original.ToString(CultureInfo.InvariantCulture));
        (await all.NextEventAsync())!.Id.Should().Be(repeat.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithoutLastEventIdTheStreamStartsAtTheNewestWrite()
    {
        await PostAsync(Stories.Input("Refugees stored before the stream opened"));
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees");

        var after = await PostAsync(Stories.Input("Refugees stored after it opened"));

        (await stream.NextEventAsync())!.Id.Should().Be(after.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AClientThatReconnectsWithLastEventIdGetsEveryMatchItMissedOnceAndInOrder()
    {
        string lastId;
        await using (var first = await EventStreamReader.OpenAsync(Reader, "q=refugees"))
        {
            await PostAsync(Stories.Input("Refugees one"));
            lastId = (await first.NextEventAsync())!.Id!;
        }

        var missed = new List<string>();
        foreach (var headline in new[] { "Refugees two", "Cocoa three", "Refugees four", "Refugees five" })
        {
            var position = await PostAsync(Stories.Input(headline));
            if (headline.StartsWith("Refugees", StringComparison.Ordinal))
            {
                missed.Add(position.ToString(CultureInfo.InvariantCulture));
            }
        }

        await using var again = await EventStreamReader.OpenAsync(Reader, "q=refugees", lastEventId: lastId);
        var live = await PostAsync(Stories.Input("Refugees six"));
        var received = new List<string>();
        for (var i = 0; i < missed.Count + 1; i++)
        {
            received.Add((await again.NextEventAsync())!.Id!);
        }

        received.Should().Equal([.. missed, live.ToString(CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task AClientFurtherBehindThanTheReplayLimitIsToldAndResumesAtTheNewestWrite()
    {
        var database = Path.Combine(Path.GetTempPath(), $"newswire-stream-{Guid.NewGuid():N}.db");
        try
        {
            await using var service = await ServiceProcess.StartAsync(database, new Dictionary<string, string>(FastStream) { ["NewsWire__Stream__ReplayLimit"] = "3" });
            using var reader = service.CreateClient(withKey: false);
            using var writer = service.CreateClient();
            var start = await PostAsync(writer, Stories.Input("Cocoa before the gap"));
            var stored = new List<long>();
            foreach (var headline in new[] { "Refugees one", "Refugees two", "Refugees three", "Refugees four" })
            {
                stored.Add(await PostAsync(writer, Stories.Input(headline)));
            }

            // Four positions behind, one more than the limit: nothing is replayed, and the client is told why.
            await using (var behind = await EventStreamReader.OpenAsync(reader, "q=refugees", lastEventId: start.ToString(CultureInfo.InvariantCulture)))
            {
                var live = await PostAsync(writer, Stories.Input("Refugees five"));
                (await behind.NextEventAsync())!.Id.Should().Be(live.ToString(CultureInfo.InvariantCulture));
                behind.Comments.Should().Contain(c => c.Contains("not replayed", StringComparison.Ordinal));
                stored.Add(live);
            }

            // Three behind, at the limit: replayed in full.
            await using var within = await EventStreamReader.OpenAsync(reader, "q=refugees", lastEventId: stored[^4].ToString(CultureInfo.InvariantCulture));
            var received = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                received.Add((await within.NextEventAsync())!.Id!);
            }

            received.Should().Equal(stored.TakeLast(3).Select(p => p.ToString(CultureInfo.InvariantCulture)));
            within.Comments.Should().NotContain(c => c.Contains("not replayed", StringComparison.Ordinal));
        }
        finally
        {
            NewsWireApp.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task ACorrectionIsNotSentAgainAndAnArticleDeletedBeforeItWasReadIsNotSent()
    {
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees");
        var created = await Writer.CreateAsync(Stories.Input("Refugees first report"));
        (await stream.NextEventAsync())!.Article.Id.Should().Be(created.Id);

        (await Writer.PutAsJsonAsync($"/api/articles/{created.Id}", Stories.Input("Refugees first report, corrected"), HttpExtensions.Json)).EnsureSuccessStatusCode();
        var gone = await Writer.CreateAsync(Stories.Input("Refugees report withdrawn"));
        (await Writer.DeleteAsync($"/api/articles/{gone.Id}")).EnsureSuccessStatusCode();
        var next = await PostAsync(Stories.Input("Refugees second report"));

        // The deleted one may have been read before its deletion (then it was sent, as it was stored): skip it if so.
        var received = await stream.NextEventAsync();
        if (received!.Article.Id == gone.Id)
        {
            received = await stream.NextEventAsync();
        }

        received!.Id.Should().Be(next.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnArticleWrittenThroughOneInstanceReachesAStreamHeldByAnotherOnTheSameDatabase()
    {
        var index = Path.Combine(Path.GetTempPath(), $"newswire-stream-b-{Guid.NewGuid():N}.index");
        await using var other = await ServiceProcess.StartAsync(_database, new Dictionary<string, string>(FastStream) { ["NewsWire__Search__IndexPath"] = index });
        using var otherReader = other.CreateClient(withKey: false);
        await using var stream = await EventStreamReader.OpenAsync(otherReader, "q=refugees");

        var position = await PostAsync(Stories.Input("Refugees written on the first instance"));

        (await stream.NextEventAsync())!.Id.Should().Be(position.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=refugees&limt=5", "limt")]
    [InlineData("q=refugees&sort=newest", "sort")]
    [InlineData("q=refugees&from=yesterday", "from")]
    [InlineData("q=-refugees", "q")]
    public async Task BadParametersAreA400ProblemNamingTheParameter(string query, string parameter)
    {
        using var response = await EventStreamReader.SendAsync(Reader, query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999")]
    public async Task ALastEventIdThatIsNotAPositionOfTheLogIsA400Problem(string lastEventId)
    {
        using var response = await EventStreamReader.SendAsync(Reader, "q=refugees", lastEventId);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("Last-Event-ID");
    }

    private Task<long> PostAsync(object input) => PostAsync(Writer, input);

    private static async Task<long> PostAsync(HttpClient writer, object input)
    {
        var response = await writer.PostArticleAsync(input);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.GetValues("NewsWire-Change").Single(), CultureInfo.InvariantCulture);
    }
}
