using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Postgres;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// Two instances on one store, each with its own index fed by the change log: a write taken by one is found by a
/// search on the other on the very next request (ADR 21, 22); a log compacted past an index's position (a gap)
/// makes that index rebuild from the store, and the search still answers 200, and right.
/// </summary>
public sealed class LuceneInstancesTests
{
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task AWriteOnOneInstanceIsFoundOnTheOtherOnTheNextRequestOnOneSqliteFile()
    {
        await using var pair = Instances.OnSqlite();
        await WritesOnAAreFoundOnB(pair);
    }

    [PostgresFact]
    public async Task AWriteOnOneInstanceIsFoundOnTheOtherOnTheNextRequestOnOnePostgresDatabase()
    {
        await using var pair = Instances.OnPostgres();
        await WritesOnAAreFoundOnB(pair);
    }

    [Fact]
    public async Task ALogCompactedPastAnIndexIsAGapAndThatIndexIsRebuiltFromTheStore()
    {
        await using var pair = TestProvider.IsPostgres ? Instances.OnPostgres() : Instances.OnSqlite();
        using var a = pair.A.CreateWriter();
        using var b = pair.B.CreateClient();
        var gone = await a.CreateAsync(Stories.Input("Short-lived story", body: "zqgapgone and zqgapkept appear here."));
        var kept = await a.CreateAsync(Stories.Input("Kept story", body: "zqgapkept appears here."));
        (await Total(b, "zqgapgone")).Should().Be(1, "B has caught up with the first writes");
        var position = pair.B.Services.GetRequiredService<LuceneTailer>().Applied;

        (await a.DeleteAsync($"/api/articles/{gone.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var later = await a.CreateAsync(Stories.Input("Later story", body: "zqgapkept again, later."));
        await DispatcherCursor.WaitForHeadAsync(pair.A.Services);
        using (var scope = pair.A.Services.CreateScope())
        {
            // Every deletion older than an hour from now goes: the log no longer says that 'gone' was deleted.
            (await scope.ServiceProvider.GetRequiredService<IChangeLog>().CompactAsync(DateTime.UtcNow.AddHours(1), CancellationToken.None))
                .Should().BeGreaterThan(0);
            (await scope.ServiceProvider.GetRequiredService<IChangeLog>().ReadAsync(position, 100, CancellationToken.None)).Gap.Should().BeTrue();
        }

        (await Total(b, "zqgapgone")).Should().Be(0, "B rebuilt its index from the store");
        var found = await b.GetFromJsonAsync<SearchResults>("/api/search?q=zqgapkept", HttpExtensions.Json);
        found!.Items.Select(h => h.Id).Should().BeEquivalentTo([kept.Id, later.Id]);
        IndexContents.Of(pair.B.Services.GetRequiredService<LuceneTailer>().Index).Ids.Should().NotContain(gone.Id);
    }

    private static async Task WritesOnAAreFoundOnB(Instances pair)
    {
        using var a = pair.A.CreateWriter();
        using var b = pair.B.CreateClient();
        (await Total(b, "zqinstance")).Should().Be(0);
        for (var i = 0; i < 10; i++)
        {
            var created = await a.CreateAsync(Stories.Input($"Instance story {i}", body: $"zqinstance zqinstance{i} written on A."));
            (await b.GetFromJsonAsync<SearchResults>($"/api/search?q=zqinstance{i}", HttpExtensions.Json))!.Items.Select(h => h.Id)
                .Should().Equal([created.Id], "B's next search after A acknowledged the write");
            (await a.PutAsJsonAsync($"/api/articles/{created.Id}", Stories.Input($"Instance story {i}", body: $"zqinstance zqrewritten{i} on A."), HttpExtensions.Json))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            (await Total(b, $"zqinstance{i}")).Should().Be(0);
            (await Total(b, $"zqrewritten{i}")).Should().Be(1);
        }

        (await Total(b, "zqinstance")).Should().Be(10);
    }

    private static async Task<int> Total(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.ReadAsAsync<SearchResults>()).Total;
    }

    /// <summary>Instance A and instance B on one store, B's background tailer held back so only searches move its index.</summary>
    private sealed class Instances(NewsWireApp a, NewsWireApp b, IAsyncDisposable? database, string? index) : IAsyncDisposable
    {
        public NewsWireApp A => a;
        public NewsWireApp B => b;

        private static void SearchesOnly(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton(new LuceneTailerOptions { PollInterval = TimeSpan.FromHours(1) }));

        public static Instances OnSqlite()
        {
            var a = new NewsWireApp();
            var index = Path.Combine(Path.GetTempPath(), $"newswire-b-index-{Guid.NewGuid():N}");
            var settings = new Dictionary<string, string?> { [$"{LuceneSearchSetup.Section}:IndexPath"] = index }; // beside the file is A's
            var b = new NewsWireApp(a.DatabasePath, settings, SearchesOnly);
            return new Instances(a, b, null, index);
        }

        public static Instances OnPostgres()
        {
            var database = new PostgresDatabase();
            return new Instances(database.Instance(), database.Instance(services: SearchesOnly), database, null);
        }

        public async ValueTask DisposeAsync()
        {
            await b.DisposeAsync();
            await a.DisposeAsync();
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            if (index is not null && Directory.Exists(index))
            {
                Directory.Delete(index, recursive: true);
            }
        }
    }
}
