using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Storage;

/// <summary>The change log (ADR 20): every write, by every path, is in it, in order, with its position in the answer.</summary>
public sealed class ChangeLogTests : ServiceTest
{
    [Fact]
    public async Task EveryWritePathAppendsToTheLogAndAnswersWithItsPosition()
    {
        (await Log()).Should().Equal("1:1:Created"); // the seed

        var created = await Writer.PostArticleAsync(Stories.Input("Log story", body: LongBody("wheat")));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.ReadAsAsync<ArticleDetail>()).Id;
        Position(created).Should().Be(2);

        var duplicate = await Writer.PostArticleAsync(Stories.Input("Log story", body: LongBody("wheat")));
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        Position(duplicate).Should().Be(2, "an exact duplicate writes nothing; the head it saw already holds the story");

        var repeat = await Writer.PostArticleAsync(Stories.Input("Log story again", body: LongBody("wheat") + " Update."));
        var repeated = await repeat.ReadAsAsync<ArticleDetail>();
        repeated.DuplicateOf.Should().Be(id);
        var repeatId = repeated.Id;

        var replaced = await Writer.PutAsJsonAsync($"/api/articles/{id}", Stories.Input("Log story, corrected", body: LongBody("wheat")), HttpExtensions.Json);
        Position(replaced).Should().Be(4);

        var deleted = await Writer.DeleteAsync($"/api/articles/{id}");
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Position(deleted).Should().Be(6, "the repeat, unlinked by the deletion, is shown again in the same transaction");
        // The engine decides whether the unlinked repeat's entry comes before or after the deletion's (SQLite:
        // before, PostgreSQL: after); both are in the deletion's transaction, at positions 5 and 6.
        (await Changes()).Where(c => c.Position is 5 or 6).Select(c => $"{c.ArticleId}:{c.Kind}")
            .Should().BeEquivalentTo($"{id}:Deleted", $"{repeatId}:Shown");

        var imported = await Writer.PostAsync("/api/articles/import", new StringContent(
            Line("Imported one") + "\n" + Line("Imported two") + "\n", Encoding.UTF8, "application/x-ndjson"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK);
        Position(imported).Should().Be(8);

        (await Log()).Where(entry => !entry.StartsWith("5:", StringComparison.Ordinal) && !entry.StartsWith("6:", StringComparison.Ordinal)).Should().Equal(
            "1:1:Created",
            $"2:{id}:Created",
            $"3:{repeatId}:Created",
            $"4:{id}:Updated",
            $"7:{repeatId + 1}:Created",
            $"8:{repeatId + 2}:Created");
    }

    [Fact]
    public async Task ConcurrentWritersLeaveALogWithNoGapAndNoRepeat()
    {
        var client = Writer; // the service starts once, before the writers share it
        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var positions = new List<long>();
            for (var i = 0; i < 10; i++)
            {
                var response = await client.PostArticleAsync(Stories.Input($"Writer {writer} story {i}"));
                response.StatusCode.Should().Be(HttpStatusCode.Created);
                positions.Add(Position(response));
            }

            return positions;
        })));

        var acknowledged = writes.SelectMany(p => p).ToList();
        acknowledged.Should().OnlyHaveUniqueItems();
        var log = await Changes();
        log.Select(c => c.Position).Should().Equal(Enumerable.Range(1, 81).Select(p => (long)p), "no gap and no repeat");
        log.Select(c => c.Position).Should().Contain(acknowledged);
        log.Select(c => c.ArticleId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ReadingTheLogDoesNotWaitForAWriterInTheMiddleOfItsTransaction()
    {
        // The Lucene tailer reads the log while an import holds a write transaction for a whole batch. On SQLite
        // a read in a transaction of its own took the write lock and waited for the batch (ADR 29), failing
        // here after busy_timeout; it must read what is committed, and the batch once it commits.
        await using var writing = App.Services.CreateAsyncScope();
        var db = writing.ServiceProvider.GetRequiredService<NewsWireDb>();
        var draft = ArticleDrafts.FromInput(new ArticleInput { Headline = "Written while the log is read", Body = "It was read meanwhile.", Source = "Reuters" }, DateTime.UtcNow).Draft!;
        await using var connection = await writing.ServiceProvider.GetRequiredService<IArticleWrites>().OpenAsync(db, WriteLoad.Bulk, CancellationToken.None);
        await using var writer = await connection.BeginAsync(CancellationToken.None);
        var outcome = await writer.CreateAsync(PreparedArticle.From(draft), DateTime.UtcNow, CancellationToken.None);

        (await Log()).Should().Equal(["1:1:Created"], "the batch has not committed");

        var position = await writer.CommitAsync(CancellationToken.None);
        (await Log()).Should().Equal("1:1:Created", $"{position}:{outcome.Id}:Created");
    }

    [Fact]
    public async Task CompactionKeepsEachArticlesNewestEntryAndRaisesTheFloorPastDeletions()
    {
        var kept = await Writer.CreateAsync(Stories.Input("Kept"));
        await Writer.PutAsJsonAsync($"/api/articles/{kept.Id}", Stories.Input("Kept, corrected"), HttpExtensions.Json);
        var gone = await Writer.CreateAsync(Stories.Input("Gone"));
        await Writer.DeleteAsync($"/api/articles/{gone.Id}");
        var last = await Writer.CreateAsync(Stories.Input("Last"));

        await using var scope = App.Services.CreateAsyncScope();
        await WebhookCursorAtAsync(6);
        var log = scope.ServiceProvider.GetRequiredService<IChangeLog>();
        var dropped = await log.CompactAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);

        dropped.Should().Be(3, "kept's creation, gone's creation and gone's deletion");
        (await Log()).Should().Equal("1:1:Created", $"3:{kept.Id}:Updated", $"6:{last.Id}:Created");
        (await log.ReadAsync(0, 100, CancellationToken.None)).Gap.Should().BeTrue("a reader at 0 would miss the deletion at 5");
        (await log.ReadAsync(5, 100, CancellationToken.None)).Gap.Should().BeFalse();
        (await log.HeadAsync(CancellationToken.None)).Should().Be(6);
    }

    [Fact]
    public async Task CompactionKeepsEveryEntryTheWebhookDispatcherHasNotMatchedYet()
    {
        var kept = await Writer.CreateAsync(Stories.Input("Kept"));
        await Writer.PutAsJsonAsync($"/api/articles/{kept.Id}", Stories.Input("Kept, corrected"), HttpExtensions.Json);
        var gone = await Writer.CreateAsync(Stories.Input("Gone"));
        await Writer.DeleteAsync($"/api/articles/{gone.Id}");
        await WebhookCursorAtAsync(5);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        await App.Services.GetServices<IHostedService>().OfType<NewsWire.Api.Webhooks.WebhookDispatcher>().Single().StopAsync(CancellationToken.None);
        await db.ChangeLogCursors.ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, 2L)); // as if the dispatcher were behind

        var dropped = await scope.ServiceProvider.GetRequiredService<IChangeLog>().CompactAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);

        dropped.Should().Be(1, "only entries at or below the cursor may go, and of those only kept's creation (2) has a later one");
        (await Log()).Should().Equal("1:1:Created", $"3:{kept.Id}:Updated", $"4:{gone.Id}:Created", $"5:{gone.Id}:Deleted");
        (await scope.ServiceProvider.GetRequiredService<IChangeLog>().ReadAsync(2, 100, CancellationToken.None)).Gap.Should().BeFalse();
    }

    [Fact]
    public async Task CompactionLeavesWhatIsYoungerThanTheRetention()
    {
        var article = await Writer.CreateAsync(Stories.Input("Young"));
        await Writer.PutAsJsonAsync($"/api/articles/{article.Id}", Stories.Input("Young, corrected"), HttpExtensions.Json);

        await using var scope = App.Services.CreateAsyncScope();
        var dropped = await scope.ServiceProvider.GetRequiredService<IChangeLog>().CompactAsync(DateTime.UtcNow.AddHours(-1), CancellationToken.None);

        dropped.Should().Be(0);
        (await Changes()).Should().HaveCount(3);
    }

    /// <summary>Waits for the webhook dispatcher (which runs in every service) to have read the log up to a position.</summary>
    private async Task WebhookCursorAtAsync(long position)
    {
        for (var waited = 0; ; waited++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var at = await scope.ServiceProvider.GetRequiredService<NewsWireDb>().ChangeLogCursors.Select(c => c.Position).SingleAsync();
            if (at >= position)
            {
                return;
            }

            waited.Should().BeLessThan(600, "the dispatcher should reach {0} (it is at {1})", position, at);
            await Task.Delay(50);
        }
    }

    private static long Position(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("NewsWire-Change").Single(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> Log() => (await Changes()).Select(c => $"{c.Position}:{c.ArticleId}:{c.Kind}").ToList();

    private async Task<IReadOnlyList<ArticleChange>> Changes()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IChangeLog>().ReadAsync(0, 1000, CancellationToken.None)).Changes;
    }

    /// <summary>Long enough that one changed sentence leaves it a near-duplicate (MinHash over three-word shingles).</summary>
    private static string LongBody(string topic) => string.Join(" ",
        Enumerable.Range(0, 80).Select(i => $"{topic}{i}")) + ".";

    private static string Line(string headline) =>
        System.Text.Json.JsonSerializer.Serialize(new { headline, body = $"{headline} happened.", source = "Reuters", publishedAt = "2026-03-01" });
}
