using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Eight writers and thirty-two readers on one database file through the real server (Kestrel), for a fixed
/// time: SQLite allows one writer at a time, so this is where "database is locked", a lost write or a reader
/// blocked behind a writer would show.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Writers = 8;
    private const int Readers = 32;
    private readonly NewsWireApp _app = NewsWireApp.OnTestProvider();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _client = _app.CreateWriter();
        _client.Timeout = TimeSpan.FromSeconds(60);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EightWritersAndThirtyTwoReadersAtOnceLoseNoWriteAndNeverFail()
    {
        var articles = new DistinctArticles(DistinctArticles.NewMark(new Random(ResilienceSettings.Seed)), ResilienceSettings.Seed);
        var tally = new ErrorTally();
        var acknowledged = new ConcurrentDictionary<long, string>();
        var posted = 0;
        var clock = Stopwatch.StartNew();
        bool Running() => clock.Elapsed < ResilienceSettings.LoadDuration;

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; Running(); n++)
            {
                var headline = $"writer {w} story {n}";
                using var response = await _client.PostAsJsonAsync("/api/articles", articles.Input(n, $"writer{w}"));
                Interlocked.Increment(ref posted);
                var body = await tally.RecordAsync($"POST /api/articles ({headline})", response);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64()] = headline;
                }
            }
        }));
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            string? cursor = null;
            for (var n = 0; Running(); n++)
            {
                var path = (n % 4) switch
                {
                    0 => "/api/articles?limit=20" + (cursor is null ? "" : "&cursor=" + cursor),
                    1 => $"/api/search?q={articles.Mark}&sort=newest&facets=tag,month",
                    2 => $"/api/search?q={articles.Mark}+{(r % 2 == 0 ? "ka*" : "lo*")}",
                    _ => acknowledged.Keys.FirstOrDefault() is var id and > 0 ? $"/api/articles/{id}" : "/api/articles/1",
                };
                using var response = await _client.GetAsync(path);
                var body = await tally.RecordAsync("GET " + path, response);
                if (n % 4 == 0 && response.IsSuccessStatusCode)
                {
                    cursor = JsonSerializer.Deserialize<ArticlePage>(body, HttpExtensions.Json)!.NextCursor;
                }
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        output.WriteLine($"{ResilienceSettings.LoadDuration.TotalSeconds:0} s, {Writers} writers, {Readers} readers: {acknowledged.Count:N0} writes acknowledged; {tally.Describe()}");
        tally.Violations.Should().BeEmpty(tally.ViolationReport());
        acknowledged.Should().NotBeEmpty("the writers must have written something in {0}", ResilienceSettings.LoadDuration);
        acknowledged.Should().HaveCount(posted, "every write is new and valid, so each must be answered 201 ({0})", tally.Describe());

        // Every acknowledged write is there afterwards: in the listing (paged to the end) and in search.
        var listed = await ListAllIdsAsync();
        acknowledged.Keys.Except(listed).Should().BeEmpty("every article answered 201 must be listed");
        var search = await _client.GetFromJsonAsync<JsonElement>($"/api/search?q={articles.Mark}&includeDuplicates=true&limit=1");
        search.GetProperty("total").GetInt32().Should().Be(acknowledged.Count, "search finds every acknowledged article and nothing else");
    }

    private async Task<HashSet<long>> ListAllIdsAsync()
    {
        var ids = new HashSet<long>();
        var path = "/api/articles?limit=100&includeDuplicates=true";
        while (path is not null)
        {
            var page = await _client.GetFromJsonAsync<ArticlePage>(path, HttpExtensions.Json);
            ids.UnionWith(page!.Items.Select(i => i.Id));
            path = page.NextCursor is null ? null : $"/api/articles?limit=100&includeDuplicates=true&cursor={page.NextCursor}";
        }

        return ids;
    }
}
