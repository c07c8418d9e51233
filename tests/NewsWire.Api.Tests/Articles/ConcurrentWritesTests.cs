using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Articles;

/// <summary>PUT and DELETE of one article racing each other: each is answered as if it ran alone, before or
/// after the other (200 or 404, never 500), and nothing half-written is left behind.</summary>
public sealed class ConcurrentWritesTests : IAsyncLifetime
{
    private readonly WriteHooks _hooks = new();
    private NewsWireApp _app = null!;
    private HttpClient _writer = null!;

    public Task InitializeAsync()
    {
        _app = NewsWireApp.OnTestProvider(services: _hooks.Install);
        _writer = _app.CreateWriter();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _writer.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task APutWhoseArticleIsDeletedBeforeItsWriteBeginsIs404AndWritesNothing()
    {
        var article = await _writer.CreateAsync(Stories.Input("Deleted under a correction", tags: ["doomed"]));
        _hooks.BeforeNextOpen(async () =>
            (await _writer.DeleteAsync($"/api/articles/{article.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent));

        var response = await _writer.PutAsJsonAsync($"/api/articles/{article.Id}", Stories.Input("Corrected", tags: ["late"]), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        await response.ReadProblemAsync();
        (await OrphanRowsAsync()).Should().Be(0);
        (await ChangesOfAsync(article.Id)).Should().Equal(ChangeKind.Created, ChangeKind.Deleted);
    }

    [Fact]
    public async Task APutWhoseArticleIsDeletedRightAfterItCommitsAnswersWhatItWrote()
    {
        var article = await _writer.CreateAsync(Stories.Input("Deleted after a correction"));
        _hooks.AfterNextCommit(async () =>
            (await _writer.DeleteAsync($"/api/articles/{article.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent));

        var response = await _writer.PutAsJsonAsync($"/api/articles/{article.Id}", Stories.Input("Corrected in time"), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadAsAsync<ArticleDetail>()).Headline.Should().Be("Corrected in time");
        (await ChangesOfAsync(article.Id)).Should().Equal(ChangeKind.Created, ChangeKind.Updated, ChangeKind.Deleted);
    }

    [Fact]
    public async Task AWriterReplacingAnArticleThatIsNotThereWritesNothing()
    {
        var article = await _writer.CreateAsync(Stories.Input("Gone before the writer came", tags: ["gone"]));
        (await _writer.DeleteAsync($"/api/articles/{article.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var draft = ArticleDrafts.FromInput(new ArticleInput { Headline = "Written to nothing", Body = "No row takes it.", Tags = ["orphan"] }, DateTime.UtcNow).Draft!;

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
            await using var connection = await scope.ServiceProvider.GetRequiredService<IArticleWrites>().OpenAsync(db, WriteLoad.OneArticle, CancellationToken.None);
            await using var writer = await connection.BeginAsync(CancellationToken.None);
            var outcome = await writer.ReplaceAsync(article.Id, PreparedArticle.From(draft), DateTime.UtcNow, CancellationToken.None);
            outcome.Should().Be(new ReplaceOutcome(false, null));
            await writer.CommitAsync(CancellationToken.None);
        }

        (await OrphanRowsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task NineteenPutsAndADeleteOfOneArticleAreEach200Or404AndLeaveNoOrphans()
    {
        for (var round = 0; round < 5; round++)
        {
            var article = await _writer.CreateAsync(Stories.Input($"Contested story {round}", tags: ["contested"]));
            var requests = Enumerable.Range(0, 20).Select(i => Task.Run(() => i == 7
                ? _writer.DeleteAsync($"/api/articles/{article.Id}")
                : _writer.PutAsJsonAsync($"/api/articles/{article.Id}",
                    Stories.Input($"Contested story {round}, version {i}", tags: [$"version-{i}"]), HttpExtensions.Json)));

            var responses = await Task.WhenAll(requests);

            var statuses = responses.Select(r => r.StatusCode).ToList();
            statuses[7].Should().Be(HttpStatusCode.NoContent);
            statuses.Where((_, i) => i != 7).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.NotFound,
                string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
            foreach (var missed in responses.Where(r => r.StatusCode == HttpStatusCode.NotFound))
            {
                await missed.ReadProblemAsync();
            }

            var changes = await ChangesOfAsync(article.Id);
            changes.Should().Equal([ChangeKind.Created, .. Enumerable.Repeat(ChangeKind.Updated, statuses.Count(s => s == HttpStatusCode.OK)), ChangeKind.Deleted],
                "every PUT that answered 200 wrote before the deletion, and no other did");
        }

        (await OrphanRowsAsync()).Should().Be(0);
    }

    /// <summary>Tags, signatures and bands of articles that are not there.</summary>
    private async Task<long> OrphanRowsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "ArticleTags" t WHERE NOT EXISTS (SELECT 1 FROM "Articles" a WHERE a."Id" = t."ArticleId"))
                 + (SELECT count(*) FROM "ArticleSignatures" s WHERE NOT EXISTS (SELECT 1 FROM "Articles" a WHERE a."Id" = s."ArticleId"))
                 + (SELECT count(*) FROM "ArticleBands" b WHERE NOT EXISTS (SELECT 1 FROM "Articles" a WHERE a."Id" = b."ArticleId"))
            """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<ChangeKind>> ChangesOfAsync(long id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsWireDb>().ArticleChanges
            .Where(c => c.ArticleId == id).OrderBy(c => c.Position).Select(c => c.Kind).ToListAsync();
    }
}
