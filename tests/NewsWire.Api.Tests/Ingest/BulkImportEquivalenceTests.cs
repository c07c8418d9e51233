using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>
/// The bulk path decides what one write at a time decides (ADR 25): the same stories imported in one batch on one
/// database and posted one by one on another leave the same rows (ids, slugs, near-duplicate links, tags, signatures,
/// band keys) and the same change log. The stories are chosen to make a batch answer from itself: a hash, a slug and
/// a band key taken earlier in the same batch, beside ones taken by stories stored before. On SQLite both paths are
/// the row-by-row writer; on PostgreSQL the import is the binary-COPY batch.
/// </summary>
public sealed class BulkImportEquivalenceTests : ServiceTest
{
    private const string Wheat = "Wheat exports from the Black Sea ports rose sharply in the third week of the month as the harvest came in " +
        "ahead of forecasts, traders in Rotterdam and Hamburg said, and freight rates for the large bulk carriers eased after a " +
        "month of congestion at the grain terminals along the coast, where farmers had waited for days to unload their trucks.";

    private const string Copper = "Copper prices in London fell for a fourth day on Tuesday as stocks in the exchange's warehouses climbed to their " +
        "highest level since the spring and buyers in Shanghai stayed away from the market ahead of the holiday, metal traders " +
        "said, while the mines in Chile reported output in line with the plans they had announced at the start of the year.";

    private static readonly object[] Stored =
    [
        Story("Grain exports rise", Wheat, ["Grain", "Exports"]),
        Story("Copper falls", Copper, ["Metals"]),
        Story("Copper falls", Copper + " A second source confirmed it.", ["Metals"]),
    ];

    private static readonly object[] Batch =
    [
        Story("Grain exports rise", Wheat.Replace("sharply", "strongly", StringComparison.Ordinal), ["grain"]), // near the stored one; slug -2
        Story("Grain exports rise", Wheat, ["Grain", "Exports"]), // the stored story again: an exact duplicate
        Story("Grain exports rise 2", "A wholly different story about a second grain report, with nothing of the first in it at all.", []), // slug the batch's -2 took
        Story("Tin climbs", "Tin rose in Kuala Lumpur on thin supply from Indonesia and Myanmar, dealers said on Wednesday morning.", ["Metals", "Tin"]),
        Story("Tin climbs", "Tin rose in Kuala Lumpur on thin supply from Indonesia and Myanmar, dealers said on Wednesday morning.", ["Metals", "Tin"]), // exact, of the batch
        Story("Copper falls again", Copper.Replace("fourth", "fifth", StringComparison.Ordinal), ["METALS", "copper"]), // near a stored one
        Story("Lead steady", "Lead was steady " + Wheat, []),
        Story("Lead steady", "Lead was steady " + Wheat.Replace("traders", "dealers", StringComparison.Ordinal), ["lead"]), // near the batch's own
    ];

    [Fact]
    public async Task OneBatchLeavesTheRowsAndTheLogThatOneWriteAtATimeLeaves()
    {
        await using var oneByOne = Sibling();
        using var oneByOneWriter = oneByOne.App.CreateWriter();
        foreach (var story in Stored)
        {
            (await Writer.PostArticleAsync(story)).EnsureSuccessStatusCode();
            (await oneByOneWriter.PostArticleAsync(story)).EnsureSuccessStatusCode();
        }

        var ndjson = string.Join("\n", Batch.Select(s => JsonSerializer.Serialize(s))) + "\n";
        var response = await Writer.PostAsync("/api/articles/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.ReadAsAsync<ImportReport>();
        foreach (var story in Batch)
        {
            (await oneByOneWriter.PostArticleAsync(story)).EnsureSuccessStatusCode();
        }

        report.Created.Should().Be(6);
        report.Duplicates.Should().Be(2);
        var bulk = await StateOf(App);
        var single = await StateOf(oneByOne.App);
        bulk.Articles.Should().Equal(single.Articles);
        bulk.Tags.Should().Equal(single.Tags);
        bulk.Bands.Should().Equal(single.Bands);
        bulk.Signatures.Should().Equal(single.Signatures);
        bulk.Log.Should().Equal(single.Log);

        // And what they decided is what the stories ask for, so the comparison cannot pass on two equal mistakes.
        var slugs = bulk.Articles.Select(a => a.Slug).ToList();
        slugs.Should().Contain(["grain-exports-rise", "grain-exports-rise-2", "grain-exports-rise-2-2", "tin-climbs", "copper-falls-2"]);
        slugs.Should().OnlyHaveUniqueItems();
        var bySlug = bulk.Articles.ToDictionary(a => a.Slug);
        bySlug["grain-exports-rise-2"].DuplicateOf.Should().Be(bySlug["grain-exports-rise"].Id);
        bySlug["copper-falls-again"].DuplicateOf.Should().Be(bySlug["copper-falls"].Id);
        bySlug["lead-steady-2"].DuplicateOf.Should().Be(bySlug["grain-exports-rise"].Id, "the batch's own near-duplicate points at its group's root");
        bulk.Tags.Where(t => t.ArticleId == bySlug["copper-falls-again"].Id).Select(t => t.Name.ToLowerInvariant()).Should().BeEquivalentTo("metals", "copper");
        bulk.Log.Should().OnlyHaveUniqueItems(c => c.Position);
    }

    private sealed record StoredArticle(long Id, string Slug, long? DuplicateOf, string Hash, int WordCount, string Body);

    private sealed record State(List<StoredArticle> Articles, List<(long ArticleId, string Name)> Tags, List<(long, long)> Bands,
        List<(long, string)> Signatures, List<(long Position, long ArticleId, ChangeKind Kind)> Log);

    private static async Task<State> StateOf(NewsWireApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        var articles = await db.Articles.OrderBy(a => a.Id)
            .Select(a => new StoredArticle(a.Id, a.Slug, a.DuplicateOfId, a.ContentHash, a.WordCount, a.Body)).ToListAsync();
        var tags = (await db.ArticleTags.ToListAsync()).Select(t => (t.ArticleId, t.Name)).OrderBy(t => t.ArticleId).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var bands = (await db.Set<ArticleBand>().ToListAsync()).Select(b => (b.ArticleId, b.Key)).Order().ToList();
        var signatures = (await db.Set<ArticleSignature>().ToListAsync()).Select(s => (s.ArticleId, Convert.ToHexString(s.MinHash))).Order().ToList();
        var log = (await db.ArticleChanges.OrderBy(c => c.Position).ToListAsync()).Select(c => (c.Position, c.ArticleId, c.Kind)).ToList();
        return new State(articles, tags, bands, signatures, log);
    }

    /// <summary>A second service on a database of its own, on the same provider as this test's.</summary>
    private static SiblingService Sibling() => TestProvider.IsPostgres ? new SiblingService(new Postgres.PostgresDatabase(migrated: true)) : new SiblingService(null);

    private sealed class SiblingService : IAsyncDisposable
    {
        private readonly Postgres.PostgresDatabase? _database;

        public SiblingService(Postgres.PostgresDatabase? database)
        {
            _database = database;
            App = database?.Instance() ?? new NewsWireApp();
        }

        public NewsWireApp App { get; }

        /// <summary>The database disposes the instances it started; SQLite's app is disposed here.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
            else
            {
                await App.DisposeAsync();
            }
        }
    }

    private static object Story(string headline, string body, string[] tags) =>
        new { headline, body, source = "Reuters", publishedAt = "2026-11-01T10:00:00Z", tags };
}
