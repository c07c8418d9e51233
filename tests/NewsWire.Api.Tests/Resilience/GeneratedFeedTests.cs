using System.Net;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Ingest;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// The property behind feed import, through real Kestrel: for any feed a publisher might send
/// (<see cref="GeneratedFeeds"/>), every good entry is stored exactly once, every bad one is reported under its
/// own number, and nothing else is. The short run imports 25 feeds, bench/resilience.sh 250, each seed its own.
/// </summary>
public sealed class GeneratedFeedTests(KestrelFixture service, ITestOutputHelper output) : IClassFixture<KestrelFixture>
{
    [Fact]
    public async Task EveryGoodEntryOfEveryGeneratedFeedIsStoredOnceAndEveryBadOneIsReportedByNumber()
    {
        var random = new Random(ResilienceSettings.Seed);
        var mark = DistinctArticles.NewMark(random);
        int entries = 0, bad = 0;
        for (var number = 1; number <= ResilienceSettings.GeneratedFeeds; number++)
        {
            var feed = GeneratedFeeds.Generate(random, mark, number);
            var because = $"{feed.Description} (seed {ResilienceSettings.Seed})";

            var report = await ImportAsync(feed, because);

            report.Failed.Select(f => f.Line).Should().Equal(feed.Failed, because);
            report.Created.Should().Be(feed.Stored.Count, because);
            report.Duplicates.Should().Be(0, because);
            (await service.Reader.StoredAsync(feed.Source)).Select(a => a.Headline).Should().BeEquivalentTo(feed.Stored, because);
            entries += feed.Stored.Count + feed.Failed.Count;
            bad += feed.Failed.Count;
        }

        output.WriteLine($"{ResilienceSettings.GeneratedFeeds} generated feeds, {entries:N0} entries ({bad:N0} bad): every good one stored once.");
    }

    private async Task<ImportReport> ImportAsync(GeneratedFeed feed, string because)
    {
        var content = new ByteArrayContent(feed.Bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(feed.ContentType);
        using var response = await service.Writer.PostAsync("/api/articles/import" + feed.Query, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, because);
        return await response.ReadAsAsync<ImportReport>();
    }
}
