using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Resilience;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// Two NewsWire processes on one PostgreSQL database behind nginx (issue 14 part 5): 8 writers through the
/// balancer, 32 readers through it and through each instance directly, no 5xx; afterwards every acknowledged
/// write is in the listing and in search on both instances, and the change log has no gap and no repeat.
/// </summary>
public sealed class SeveralInstancesTests
{
    private const int Writers = 8;
    private const int Readers = 32;
    private const int WritesEach = 12;

    [SeveralInstancesFact]
    public async Task EightWritersAndThirtyTwoReadersOverTwoInstancesBehindNginx()
    {
        var database = PostgresServer.CreateDatabase();
        var indexes = Enumerable.Range(0, 2).Select(_ => Directory.CreateTempSubdirectory("newswire-pg-index-").FullName).ToList();
        var instances = new List<ServiceProcess>();
        try
        {
            foreach (var index in indexes)
            {
                instances.Add(await ServiceProcess.StartAsync(Path.Combine(index, "unused.db"), new Dictionary<string, string>
                {
                    ["NewsWire__Provider"] = "Postgres",
                    ["ConnectionStrings__NewsWire"] = database,
                    ["NewsWire__Search__IndexPath"] = index,
                }));
            }

            await using var nginx = await Nginx.StartAsync(instances.Select(i => i.Address).ToList());
            var tally = new ErrorTally();
            var acknowledged = new ConcurrentBag<(long Id, string Headline, long Position)>();
            var direct = instances.Select(i => i.CreateClient(withKey: false)).ToArray();
            using var balanced = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(60) };
            using var writer = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(60) };
            writer.DefaultRequestHeaders.Add("X-Api-Key", NewsWireApp.ApiKey);
            using var writing = new CancellationTokenSource();

            var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
            {
                var client = r % 3 == 2 ? balanced : direct[r % 3];
                while (!writing.IsCancellationRequested)
                {
                    var path = (r % 4) switch
                    {
                        0 => "/api/articles?limit=20",
                        1 => "/api/search?q=harbour",
                        2 => "/api/articles?source=reuters&includeDuplicates=true",
                        _ => "/api/articles/1",
                    };
                    await tally.RecordAsync(path, await client.GetAsync(path));
                }
            })).ToList();

            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < WritesEach; i++)
                {
                    var headline = $"Harbour report {w}-{i}";
                    var response = await writer.PostArticleAsync(Stories.Input(headline, body: $"Ships {w} {i} left the harbour at {w * 100 + i}."));
                    var body = await tally.RecordAsync("POST /api/articles", response);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
                        acknowledged.Add((id, headline, long.Parse(response.Headers.GetValues("NewsWire-Change").Single(), System.Globalization.CultureInfo.InvariantCulture)));
                        // Read-your-writes: each instance serves it on the very next request, whichever took the write.
                        foreach (var instance in direct)
                        {
                            (await tally.RecordAsync($"GET /api/articles/{id}", await instance.GetAsync($"/api/articles/{id}"))).Should().Contain(headline);
                        }
                    }
                }
            })).ToList();

            await Task.WhenAll(writers);
            await writing.CancelAsync();
            await Task.WhenAll(readers);

            tally.Violations.Should().BeEmpty(tally.Describe());
            tally.Count(500).Should().Be(0);
            acknowledged.Should().HaveCount(Writers * WritesEach);
            acknowledged.Select(a => a.Position).Should().OnlyHaveUniqueItems();
            foreach (var instance in direct)
            {
                var page = await instance.GetFromJsonAsync<ArticlePage>("/api/articles?source=Reuters&includeDuplicates=true&limit=100", HttpExtensions.Json);
                page!.Total.Should().Be(Writers * WritesEach);
                page.Items.Select(i => i.Id).Should().BeEquivalentTo(acknowledged.Select(a => a.Id), "every acknowledged write is listed, not only as many");
                var search = await instance.GetFromJsonAsync<SearchResults>("/api/search?q=harbour&limit=100&includeDuplicates=true", HttpExtensions.Json);
                search!.Items.Select(i => i.Id).Should().BeEquivalentTo(acknowledged.Select(a => a.Id));
            }

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Position" FROM "ArticleChanges" ORDER BY "Position" """, connection);
            var positions = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    positions.Add(reader.GetInt64(0));
                }
            }

            positions.Should().Equal(Enumerable.Range(1, 1 + Writers * WritesEach).Select(p => (long)p), "no gap and no repeat");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            PostgresServer.DropDatabase(database);
            foreach (var index in indexes)
            {
                Directory.Delete(index, recursive: true);
            }
        }
    }
}

/// <summary>Needs PostgreSQL and nginx: skipped with a message without them, never under CI=true.</summary>
public sealed class SeveralInstancesFactAttribute : FactAttribute
{
    public SeveralInstancesFactAttribute() => Skip = PostgresServer.SkipReason ?? Nginx.SkipReason;
}
