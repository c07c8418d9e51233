using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using NewsWire.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// SIGKILL in the middle of a bulk import, then a restart on the same file: WAL and whole-batch transactions
/// must leave a database that opens, passes SQLite's integrity check (on PostgreSQL: every article whole across
/// its tables), has every write that was
/// answered 2xx, and has whole batches of the import only.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int BatchSize = 500; // ArticleImporter.BatchSize
    private const int ImportLines = 200_000; // far more than can be stored before the kill
    private readonly TestStore _database = TestStore.Create("crash");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task KillingTheServiceMidImportLosesNoAcknowledgedWriteAndLeavesWholeBatches()
    {
        var articles = new DistinctArticles(DistinctArticles.NewMark(new Random(ResilienceSettings.Seed + 1)), ResilienceSettings.Seed);
        var acknowledged = new ConcurrentDictionary<long, string>();
        int beforeImport = 5, singlesDuring = 0;

        await using (var service = await ServiceProcess.StartAsync(_database))
        {
            using var client = service.CreateClient();
            for (var n = 0; n < beforeImport; n++)
            {
                await PostAsync(client, articles, n, "before", acknowledged);
            }

            // The import streams far more NDJSON than the service can store before the kill; single POSTs go on
            // beside it, each waiting its turn for the write lock between the import's batches.
            using var importClient = service.CreateClient();
            var content = new StreamContent(new ChunkStream(NdjsonLines(articles, ImportLines)));
            content.Headers.ContentType = new("application/x-ndjson");
            var import = importClient.PostAsync("/api/articles/import", content);
            using var stopSingles = new CancellationTokenSource();
            var singles = Task.Run(async () =>
            {
                for (var n = 0; !stopSingles.IsCancellationRequested; n++)
                {
                    if (await PostAsync(client, articles, n, "during", acknowledged, stopSingles.Token))
                    {
                        Interlocked.Increment(ref singlesDuring);
                    }
                }
            });

            await WaitForCommittedBatchesAsync(ResilienceSettings.CrashAfterBatches);
            await service.KillAsync();
            await stopSingles.CancelAsync();
            await Task.WhenAll(singles, import).ContinueWith(_ => { }, TaskScheduler.Default); // both end with the connection
            output.WriteLine(string.Join('\n', service.Output.Where(l => l.Contains("Import", StringComparison.Ordinal)).TakeLast(3)));
        }

        await using (var restarted = await ServiceProcess.StartAsync(_database))
        {
            using var client = restarted.CreateClient(withKey: false);
            foreach (var (id, headline) in acknowledged)
            {
                var response = await client.GetAsync($"/api/articles/{id}");
                response.StatusCode.Should().Be(HttpStatusCode.OK, "article {0} ({1}) was answered 201 before the kill", id, headline);
            }

            var (integrity, imported, maxLine, total) = await InspectAsync();
            output.WriteLine($"{acknowledged.Count} acknowledged single writes ({beforeImport} before the import, {singlesDuring} during it); " +
                $"{imported:N0} imported articles survived the kill; {total:N0} articles in all.");
            integrity.Should().Be("ok");
            imported.Should().BeGreaterThan(0).And.Match(n => n % BatchSize == 0, "a cut-off import leaves whole batches of {0}", BatchSize);
            maxLine.Should().Be(imported, "the surviving batches are the first ones, with no gap");
            (total - 1 - imported).Should().BeGreaterThanOrEqualTo(acknowledged.Count, "besides the seed and the import, the single writes");
        }
    }

    private static async Task<bool> PostAsync(HttpClient client, DistinctArticles articles, int n, string prefix,
        ConcurrentDictionary<long, string> acknowledged, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/articles", articles.Input(n, prefix), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            acknowledged[JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64()] = $"{prefix} {n}";
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return false; // cut off by the kill: not acknowledged, so nothing is promised
        }
    }

    /// <summary>Reads the file beside the running service (WAL lets a reader in) until the import has committed.</summary>
    private async Task WaitForCommittedBatchesAsync(int batches)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30 + batches);
        while (await ImportedAsync() < batches * BatchSize)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the import should commit {0} batches by then", batches);
            await Task.Delay(20);
        }
    }

    private async Task<long> ImportedAsync()
    {
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {_database.Name("Articles")} WHERE {_database.Name("ExternalId")} LIKE 'import-%'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string Integrity, long Imported, long MaxLine, long Total)> InspectAsync()
    {
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        var integrity = _database.IsPostgres ? await RowsOfWholeArticlesAsync(command) : await SqliteIntegrityAsync(command);
        string Name(string identifier) => _database.Name(identifier);
        command.CommandText = $"""
            SELECT count(*), coalesce(max(CAST(substr({Name("ExternalId")}, 8) AS INTEGER)) + 1, 0), (SELECT count(*) FROM {Name("Articles")})
            FROM {Name("Articles")} WHERE {Name("ExternalId")} LIKE 'import-%'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (integrity, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>SQLite's own check of the file.</summary>
    private static async Task<string> SqliteIntegrityAsync(System.Data.Common.DbCommand command)
    {
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>PostgreSQL keeps its own files whole (WAL); what a cut-off bulk load could break is the rows of one
    /// article across tables, which COPY writes one table at a time: every stored article has its signature, its
    /// band keys and its change-log entry, and nothing refers to an article that is not there.</summary>
    private static async Task<string> RowsOfWholeArticlesAsync(System.Data.Common.DbCommand command)
    {
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Articles" a WHERE NOT EXISTS (SELECT FROM "ArticleSignatures" s WHERE s."ArticleId" = a."Id"))
                 + (SELECT count(*) FROM "Articles" a WHERE NOT EXISTS (SELECT FROM "ArticleBands" b WHERE b."ArticleId" = a."Id"))
                 + (SELECT count(*) FROM "Articles" a WHERE NOT EXISTS (SELECT FROM "ArticleChanges" c WHERE c."ArticleId" = a."Id"))
                 + (SELECT count(*) FROM "ArticleChanges" c WHERE c."Kind" = 'Created' AND NOT EXISTS (SELECT FROM "Articles" a WHERE a."Id" = c."ArticleId"))
            """;
        var broken = (long)(await command.ExecuteScalarAsync())!;
        return broken == 0 ? "ok" : $"{broken} articles without all their rows, or log entries without their article";
    }

    /// <summary>NDJSON lines import-0, import-1, … written as the upload is read, so nothing is held in memory.</summary>
    private static IEnumerable<byte[]> NdjsonLines(DistinctArticles articles, int lines) =>
        Enumerable.Range(0, lines).Select(n => Encoding.UTF8.GetBytes(articles.NdjsonLine(n, "import") + "\n"));
}
