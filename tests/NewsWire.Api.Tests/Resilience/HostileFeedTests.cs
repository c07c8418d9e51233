using System.Net;
using System.Text;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static NewsWire.Api.Tests.Ingest.FeedUploads;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Hostile feeds against the service as a real process, where its memory can be read (/proc) and it can be
/// stopped as an orchestrator stops it (SIGTERM). The short run sends an 8 MB attribute, 5,000 items and 24 items
/// of nearly a million characters; bench/resilience.sh a 100 MB attribute (which took the service from 203 MB to
/// 1.1 GB), 100,000 items and 400 long items (350 MB, which batches counted only in articles would hold whole).
/// </summary>
public sealed class HostileFeedTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// What an import may add to the service's peak memory, whatever the feed: the 64 MiB SQLite page cache of a
    /// bulk load, the text in flight between reading and writing (at most 17 million characters), one entry, and
    /// the garbage collector's slack (an article of a million characters leaves some 10 MB of short-lived large
    /// strings, which server GC collects lazily). The figures measured are in docs/benchmarks.md.
    /// </summary>
    private const double MaxGrowthMegabytes = 320;

    /// <summary>128 MiB of managed heap for the service: startup, caches, and the text in flight with room to spare.</summary>
    private const string HeapLimit = "0x8000000";

    private readonly TestStore _database = TestStore.Create("feeds");

    public void Dispose()
    {
        _database.Dispose();
    }

    [Fact]
    public async Task AHugeAttributeAndAHugeFeedLeaveTheServiceMemoryFlatAndStoreEveryGoodItem()
    {
        // The managed heap is capped: past the cap the import fails (out of memory), so what the service holds
        // is checked whatever the garbage collector leaves lying about; resident memory is checked as well.
        await using var service = await ServiceProcess.StartAsync(_database, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = HeapLimit });
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        (await ImportAsync(client, Channel("warm", Enumerable.Range(1, 50)))).Created.Should().Be(50);

        service.ResetPeakMemory();
        var before = service.Memory().Current;
        var hostile = await ImportAsync(client, Channel("attr", Enumerable.Range(1, 201), hugeItem: 101));
        var afterAttribute = service.Memory().Peak;
        service.ResetPeakMemory();
        var large = await ImportAsync(client, Channel("large", Enumerable.Range(1, ResilienceSettings.LargeFeedItems)));
        var afterLarge = service.Memory().Peak;
        service.ResetPeakMemory();
        var longItems = await ImportAsync(client, LongChannel(ResilienceSettings.LongFeedItems));
        var afterLong = service.Memory().Peak;

        output.WriteLine($"Resident memory {before:N0} MB before; peak {afterAttribute:N0} MB importing an item with a "
            + $"{ResilienceSettings.FeedAttributeMegabytes} MB attribute, {afterLarge:N0} MB importing {ResilienceSettings.LargeFeedItems:N0} items, "
            + $"{afterLong:N0} MB importing {ResilienceSettings.LongFeedItems:N0} items of nearly a million characters.");
        hostile.Created.Should().Be(200);
        hostile.Failed.Should().ContainSingle().Which.Line.Should().Be(101);
        large.Created.Should().Be(ResilienceSettings.LargeFeedItems);
        longItems.Created.Should().Be(ResilienceSettings.LongFeedItems, System.Text.Json.JsonSerializer.Serialize(longItems.Failed.Take(3)));
        // Held even once as characters, the attribute would be twice its size; the floor is the noise of importing 200 items.
        (afterAttribute - before).Should().BeLessThan(Math.Max(32, ResilienceSettings.FeedAttributeMegabytes),
            "an entry over the limit is skipped, never held");
        (afterLarge - before).Should().BeLessThan(MaxGrowthMegabytes, "a feed is read one buffer and one entry at a time");
        (afterLong - before).Should().BeLessThan(MaxGrowthMegabytes, "long articles commit in smaller batches");
    }

    /// <summary>
    /// The case: minified Atom feeds whose uploads are abandoned part-way. Each request must end when its
    /// client leaves (before, each spun a core for ever), and SIGTERM must then stop the service at once rather than
    /// after the host's shutdown timeout (30 s). The bound below is for a machine under load, not a measurement.
    /// </summary>
    [Fact]
    public async Task AbandonedImportsOfMinifiedFeedsEndAndSigtermStopsTheServicePromptly()
    {
        await using var service = await ServiceProcess.StartAsync(_database);
        var uploads = Enumerable.Range(0, 3).Select(_ => AbandonAsync(service)).ToList();
        await Task.WhenAll(uploads);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (service.Output.Count(l => l.Contains("POST /api/articles/import responded", StringComparison.Ordinal)) < uploads.Count)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "each abandoned import should end: {0}", string.Join('\n', service.Output.TakeLast(10)));
            await Task.Delay(50);
        }

        output.WriteLine(string.Join('\n', service.Output.Where(l => l.Contains("/api/articles/import", StringComparison.Ordinal))));
        service.Output.Should().NotContain(l => l.Contains("responded 500", StringComparison.Ordinal), "a client that leaves is not a server error");
        using (var client = service.CreateClient(withKey: false))
        {
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await service.TerminateAsync(TimeSpan.FromSeconds(20))).Should().BeTrue("nothing holds the shutdown up");
        service.ExitCode.Should().Be(0);
    }

    /// <summary>Starts an endless minified Atom upload and walks away after 3,000 entries (about 1.5 MB): the
    /// service is reading it, or waiting for more of it, when the client leaves.</summary>
    private static async Task AbandonAsync(ServiceProcess service)
    {
        using var client = service.CreateClient();
        using var leave = new CancellationTokenSource();
        var content = new StreamContent(new ChunkStream(EndlessAtom(3_000, leave)));
        content.Headers.ContentType = new(Atom);
        var act = () => client.PostAsync("/api/articles/import", content, leave.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static IEnumerable<byte[]> EndlessAtom(int leaveAfter, CancellationTokenSource leave)
    {
        var articles = new DistinctArticles(DistinctArticles.NewMark(Random.Shared), ResilienceSettings.Seed);
        yield return Encoding.UTF8.GetBytes($"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Endless {articles.Mark}</title>");
        for (var n = 1; ; n++)
        {
            if (n == leaveAfter)
            {
                leave.Cancel();
            }

            yield return Encoding.UTF8.GetBytes($"<entry><title>{articles.Headline(n)}</title><id>urn:{articles.Mark}:{n}</id>"
                + $"<updated>2026-11-28T09:00:00Z</updated><content>{articles.Body(n)}</content></entry>");
        }
    }

    /// <summary>An RSS channel of the given items, streamed; item <paramref name="hugeItem"/> carries the hostile attribute.</summary>
    private static IEnumerable<byte[]> Channel(string mark, IEnumerable<int> items, int hugeItem = 0)
    {
        yield return Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><rss version="2.0" {RssNamespaces}><channel><title>{mark} wire</title>""");
        var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 16));
        foreach (var n in items)
        {
            var item = RssItem(mark, n, extra: "<content:encoded><![CDATA[<p>" + string.Join(' ', Enumerable.Repeat($"w{n}", 100)) + "</p>]]></content:encoded>");
            if (n != hugeItem)
            {
                yield return Encoding.UTF8.GetBytes(item);
                continue;
            }

            yield return Encoding.UTF8.GetBytes("<item><media:content url=\"https://example.com/a.jpg\" data-x=\"");
            for (var i = 0; i < ResilienceSettings.FeedAttributeMegabytes * 16; i++)
            {
                yield return chunk;
            }

            yield return Encoding.UTF8.GetBytes("\"/>" + item["<item>".Length..]);
        }

        yield return "</channel></rss>"u8.ToArray();
    }

    /// <summary>Items whose content:encoded is nearly the per-article limit (900,000 characters of random words).</summary>
    private static IEnumerable<byte[]> LongChannel(int count)
    {
        yield return Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><rss version="2.0" {RssNamespaces}><channel><title>long wire</title>""");
        var random = new Random(ResilienceSettings.Seed);
        var words = Enumerable.Range(0, 2_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var n = 1; n <= count; n++)
        {
            var body = new StringBuilder("<p>");
            while (body.Length < 900_000)
            {
                body.Append(words[random.Next(words.Length)]).Append(random.Next(150) == 0 ? "</p><p>" : " ");
            }

            yield return Encoding.UTF8.GetBytes(RssItem("long", n, extra: $"<content:encoded><![CDATA[{body}</p>]]></content:encoded>"));
        }

        yield return "</channel></rss>"u8.ToArray();
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, IEnumerable<byte[]> feed)
    {
        var content = new StreamContent(new ChunkStream(feed));
        content.Headers.ContentType = new(Rss);
        using var response = await client.PostAsync("/api/articles/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ImportReport>();
    }
}
