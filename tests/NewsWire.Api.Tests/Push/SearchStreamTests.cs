using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Push;

/// <summary>
/// <c>GET /api/search/stream</c> over real HTTP (TestServer streams each flush): what arrives, what does not, and
/// resuming with Last-Event-ID. "Nothing arrives" is never waited for: a matching article written after it
/// must be the next event.
/// </summary>
public sealed class SearchStreamTests : ServiceTest
{
    public SearchStreamTests() : base(FastStream)
    {
    }

    /// <summary>
    /// A started Kestrel, not TestServer: with a streamed answer open, TestServer held the next request. Started
    /// off the test runner's context, which host start-up would otherwise block on.
    /// </summary>
    public override Task InitializeAsync() => Task.Run(() =>
    {
        App.UseKestrel(0);
        App.StartServer();
    });

    internal static readonly Dictionary<string, string?> FastStream = new()
    {
        ["NewsWire:Stream:PollIntervalMs"] = "20",
        ["NewsWire:Stream:HeartbeatMs"] = "300000",
    };

    [Fact]
    public async Task AMatchingArticleArrivesAsAnArticleEventWithTheSummaryListingReturnsAndItsLogPosition()
    {
        File.AppendAllText("/tmp/psdebug.txt", "start\n");
        var h = await Reader.GetAsync("/api/articles?limit=1");
        File.AppendAllText("/tmp/psdebug.txt", $"listing {h.StatusCode}\n");
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees");
        File.AppendAllText("/tmp/psdebug.txt", "open\n");

        var position = await PostAsync(Stories.Input("Refugees reach the Greek islands"));
        File.AppendAllText("/tmp/psdebug.txt", "posted\n");
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
    public async Task AnUpdatedOrDeletedArticleIsNotSentAgain()
    {
        await using var stream = await EventStreamReader.OpenAsync(Reader, "q=refugees");
        var created = await Writer.CreateAsync(Stories.Input("Refugees first report"));
        (await Writer.PutAsJsonAsync($"/api/articles/{created.Id}", Stories.Input("Refugees first report, corrected"), HttpExtensions.Json)).EnsureSuccessStatusCode();
        (await Writer.DeleteAsync($"/api/articles/{created.Id}")).EnsureSuccessStatusCode();
        var next = await PostAsync(Stories.Input("Refugees second report"));

        (await stream.NextEventAsync())!.Article.Id.Should().Be(created.Id);
        (await stream.NextEventAsync())!.Id.Should().Be(next.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<long> PostAsync(object input)
    {
        var response = await Writer.PostArticleAsync(input);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.GetValues("NewsWire-Change").Single(), CultureInfo.InvariantCulture);
    }
}
