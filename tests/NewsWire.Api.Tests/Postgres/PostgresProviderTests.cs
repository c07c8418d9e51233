using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Articles;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// The contract on PostgreSQL (issue 14 part 2): first start, listing with filters and the keyset cursor, get by
/// id and slug, text and ETag, writes with their change positions, duplicates, import, quotes, search, and the
/// change log's order with concurrent writers on two instances. Each test has a database of its own.
/// </summary>
public sealed class PostgresProviderTests
{
    [PostgresFact]
    public async Task AFreshDatabaseIsMigratedAndServesTheTassReport()
    {
        await using var database = new PostgresDatabase();
        var client = database.Instance().CreateClient();

        var page = await client.GetFromJsonAsync<ArticlePage>("/api/articles?source=tass&lang=EN&place=tashkent&tag=REFUGEES", HttpExtensions.Json);
        page!.Total.Should().Be(1);
        var tass = page.Items.Single();
        tass.Headline.Should().StartWith("Russian Security Service");

        var bySlug = await client.GetAsync($"/api/articles/{tass.Slug.ToUpperInvariant()}");
        bySlug.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = bySlug.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{tass.Id}?format=text");
        (await client.SendAsync(again)).Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{tass.Id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        (await client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        var quotes = await client.GetStringAsync($"/api/articles/{tass.Id}/quotes");
        quotes.Should().Contain("Smirnov");
    }

    [PostgresFact]
    public async Task ListingPagesByKeysetAndWritesAnswerWithTheirPositions()
    {
        await using var database = new PostgresDatabase();
        var app = database.Instance();
        var writer = app.CreateWriter();
        var positions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var created = await writer.PostArticleAsync(Stories.Input($"Keyset story {i}", publishedAt: $"2026-03-0{i + 1}T12:00:00Z"));
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            positions.Add(Position(created));
        }

        positions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.CreateClient().GetFromJsonAsync<ArticlePage>(
                "/api/articles?source=REUTERS&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), HttpExtensions.Json);
            page!.Total.Should().Be(5);
            seen.AddRange(page.Items.Select(i => i.Headline));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Should().Equal(Enumerable.Range(0, 5).Reverse().Select(i => $"Keyset story {i}"));

        var duplicate = await writer.PostArticleAsync(Stories.Input("Keyset story 0", publishedAt: "2026-03-01T12:00:00Z"));
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        var first = (await duplicate.ReadAsAsync<ArticleDetail>()).Id;
        var put = await writer.PutAsJsonAsync($"/api/articles/{first}", Stories.Input("Keyset story zero"), HttpExtensions.Json);
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        Position(put).Should().Be(positions[^1] + 1);
        var deleted = await writer.DeleteAsync($"/api/articles/{first}");
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Position(deleted).Should().Be(positions[^1] + 2);
    }

    [PostgresFact]
    public async Task NearDuplicatesImportAndSearchWorkAsOnSqlite()
    {
        await using var database = new PostgresDatabase();
        var app = database.Instance();
        var writer = app.CreateWriter();
        var body = string.Join(" ", Enumerable.Range(0, 80).Select(i => $"harvest{i}")) + ".";
        var original = await writer.CreateAsync(Stories.Input("Grain harvest record", body: body));
        var repeat = await writer.PostArticleAsync(Stories.Input("Grain harvest record, updated", body: body + " More."));
        (await repeat.ReadAsAsync<ArticleDetail>()).DuplicateOf.Should().Be(original.Id);

        var ndjson = string.Join("\n", Enumerable.Range(0, 3).Select(i => System.Text.Json.JsonSerializer.Serialize(
            new { headline = $"Imported refugees story {i}", body = $"Refugees crossed the border, report {i}.", source = "AFP", publishedAt = "2026-02-01" })));
        var imported = await writer.PostAsync("/api/articles/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK);
        (await imported.Content.ReadAsStringAsync()).Should().Contain("\"created\":3");

        var search = await app.CreateClient().GetFromJsonAsync<SearchResults>("/api/search?q=refugee&source=afp&facets=source", HttpExtensions.Json);
        search!.Total.Should().Be(3);
        search.Items.Should().OnlyContain(i => i.Highlights.Headline.Contains("<mark>", StringComparison.Ordinal));
        var listing = await app.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles?source=Reuters", HttpExtensions.Json);
        listing!.Items.Select(i => i.Id).Should().Equal(original.Id);
    }

    [PostgresFact]
    public async Task TheMigrationsAreThePostgresAssemblysAndAgreeWithTheModel()
    {
        await using var database = new PostgresDatabase();
        var app = database.Instance();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();

        db.GetService<IMigrationsAssembly>().Assembly.Should().BeSameAs(typeof(NewsWire.Storage.Postgres.PostgresStorage).Assembly);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("the model and the PostgreSQL snapshot agree");
    }

    [Fact]
    public void PostgresWithoutAnIndexFolderStopsTheStartAndSaysWhatIsMissing()
    {
        using var app = new NewsWireApp(settings: new Dictionary<string, string?>
        {
            ["NewsWire:Provider"] = "Postgres",
            ["ConnectionStrings:NewsWire"] = "Host=127.0.0.1;Database=none",
        });

        var start = () => app.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*NewsWire:Search:IndexPath is required*");
    }

    [PostgresFact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseMigrateAndSeedOnce()
    {
        await using var database = new PostgresDatabase();
        var (one, two) = (database.Instance(), database.Instance());

        await Task.WhenAll(Task.Run(() => one.CreateClient()), Task.Run(() => two.CreateClient()));

        var page = await one.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json);
        page!.Total.Should().Be(1, "the seed is stored once");
    }

    [PostgresFact]
    public async Task EightWritersOnTwoInstancesLeaveALogWithNoGapAndNoRepeatAndEachInstanceReadsTheOthersWrites()
    {
        await using var database = new PostgresDatabase();
        var instances = new[] { database.Instance(), database.Instance() };
        var writers = instances.Select(i => i.CreateWriter()).ToArray();
        var readers = instances.Select(i => i.CreateClient()).ToArray();

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var acknowledged = new List<(long Id, long Position)>();
            for (var i = 0; i < 8; i++)
            {
                var response = await writers[w % 2].PostArticleAsync(Stories.Input($"Writer {w} story {i}"));
                response.StatusCode.Should().Be(HttpStatusCode.Created);
                var id = (await response.ReadAsAsync<ArticleDetail>()).Id;
                // Read-your-writes across instances: the other instance serves it on the very next request.
                (await readers[(w + 1) % 2].GetAsync($"/api/articles/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
                acknowledged.Add((id, Position(response)));
            }

            return acknowledged;
        })));

        var all = writes.SelectMany(w => w).ToList();
        all.Select(a => a.Position).Should().OnlyHaveUniqueItems();
        foreach (var instance in instances)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var log = (await scope.ServiceProvider.GetRequiredService<IChangeLog>().ReadAsync(0, 1000, CancellationToken.None)).Changes;
            log.Select(c => c.Position).Should().Equal(Enumerable.Range(1, 65).Select(p => (long)p), "no gap and no repeat");
            log.Skip(1).Select(c => c.ArticleId).Should().BeEquivalentTo(all.Select(a => a.Id));
            // Stories this alike are near-duplicates of one another, hidden by default: count them all.
            var page = await instance.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles?limit=100&includeDuplicates=true", HttpExtensions.Json);
            page!.Total.Should().Be(65);
        }
    }

    [PostgresFact]
    public async Task WithAStalenessAllowanceAnInstanceMayServeWhatItCachedBeforeAnotherInstancesWrite()
    {
        await using var database = new PostgresDatabase();
        var writer = database.Instance().CreateWriter();
        var relaxed = database.Instance(new Dictionary<string, string?> { ["NewsWire:ReadStalenessMs"] = "60000" }).CreateClient();
        var strict = database.Instance().CreateClient();
        (await relaxed.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(1);
        (await strict.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(1);

        await writer.CreateAsync(Stories.Input("Written elsewhere"));

        (await strict.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(2, "by default a read reflects every acknowledged write");
        (await relaxed.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(1, "the operator allowed a minute's staleness");
    }

    private static long Position(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("NewsWire-Change").Single(), System.Globalization.CultureInfo.InvariantCulture);
}
