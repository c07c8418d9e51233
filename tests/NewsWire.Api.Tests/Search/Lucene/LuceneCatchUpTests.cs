using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// How searches wait for the index (ADR 22): a search waits for its own target, the log's head when it arrived,
/// and returns once a catch-up in progress has published it, not when that catch-up ends; a caller that leaves
/// stops waiting while the catch-up goes on; the tailer stops once, however often it is told to, committing what
/// it applied; and a writer that breaks is reopened at its last commit rather than failing every later search.
/// The interleavings are fixed by a gate in the change log (<see cref="TailerProbes"/>), never by timing: the
/// only time-outs here guard against a hang.
/// </summary>
public sealed class LuceneCatchUpTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly LogGate _gate = new();
    private readonly PinnableVersion _version = new();

    [Fact]
    public async Task ASearchArrivingDuringALongCatchUpReturnsOnceItsOwnTargetIsPublished()
    {
        await using var app = NewsWireApp.OnTestProvider(services: s => TailerProbes.StepByStep(s, _gate, _version));
        var tailer = app.Services.GetRequiredService<LuceneTailer>();
        await tailer.EnsureCurrentAsync(CancellationToken.None); // the start's catch-up (or rebuild), out of the way
        using var writer = app.CreateWriter();
        var early = await writer.CreateAsync(Stories.Input("Early story", body: "zqcatchearly before the others."));
        var earlyAt = await HeadAsync(app);
        var late = await writer.CreateAsync(Stories.Input("Late story", body: "zqcatchlate after the first."));
        var lateAt = await HeadAsync(app);

        _gate.HoldReadAfter(earlyAt);
        var first = tailer.EnsureCurrentAsync(CancellationToken.None); // its target is the late write: it takes the turn
        await _gate.Reached.WaitAsync(HangGuard);
        tailer.Applied.Should().Be(earlyAt, "the catch-up published the early write before it read on");

        _version.Pin(earlyAt); // a search that arrived when the early write was the head
        var second = tailer.EnsureCurrentAsync(CancellationToken.None);
        _version.Pin(null);
        await second.WaitAsync(HangGuard);
        first.IsCompleted.Should().BeFalse("the catch-up is still held at the gate");
        Ids(tailer).Should().Contain(early.Id).And.NotContain(late.Id);

        // A search whose target is not yet published waits, and one whose client leaves stops waiting.
        using var leave = new CancellationTokenSource();
        var third = tailer.EnsureCurrentAsync(leave.Token);
        third.IsCompleted.Should().BeFalse("its target, the late write, is past what was published");
        await leave.CancelAsync();
        await FluentActions.Awaiting(() => third).Should().ThrowAsync<OperationCanceledException>();
        first.IsCompleted.Should().BeFalse("a waiter leaving does not end the catch-up");

        _gate.Open();
        await first.WaitAsync(HangGuard);
        tailer.Applied.Should().BeGreaterThanOrEqualTo(lateAt);
        Ids(tailer).Should().Contain([early.Id, late.Id]);
    }

    [Fact]
    public async Task ACatchUpWhoseSearchLeftRunsOnAndTheNextSearchFindsItsWrites()
    {
        await using var app = NewsWireApp.OnTestProvider(services: s => TailerProbes.StepByStep(s, _gate, _version));
        var tailer = app.Services.GetRequiredService<LuceneTailer>();
        await tailer.EnsureCurrentAsync(CancellationToken.None);
        using var writer = app.CreateWriter();
        var one = await writer.CreateAsync(Stories.Input("First of two", body: "zqleftone here."));
        var oneAt = await HeadAsync(app);
        var two = await writer.CreateAsync(Stories.Input("Second of two", body: "zqlefttwo here."));

        _gate.HoldReadAfter(oneAt);
        using var leave = new CancellationTokenSource();
        var holder = tailer.EnsureCurrentAsync(leave.Token); // takes the turn, then its client leaves
        await _gate.Reached.WaitAsync(HangGuard);
        await leave.CancelAsync();
        await FluentActions.Awaiting(() => holder).Should().ThrowAsync<OperationCanceledException>();

        var next = tailer.EnsureCurrentAsync(CancellationToken.None);
        next.IsCompleted.Should().BeFalse("the catch-up the first search began still holds the turn, at the gate");
        _gate.Open();
        await next.WaitAsync(HangGuard);
        Ids(tailer).Should().Contain([one.Id, two.Id]);

        using var client = app.CreateClient();
        (await client.GetFromJsonAsync<SearchResults>("/api/search?q=zqlefttwo", HttpExtensions.Json))!.Items
            .Select(h => h.Id).Should().Equal([two.Id]);
    }

    [Fact]
    [Trait("Provider", "Sqlite")] // reads the committed folder beside the SQLite file
    public async Task StoppingDuringACatchUpEndsItAtItsNextReadCommitsWhatWasPublishedAndStopsOnceHoweverOftenAsked()
    {
        var database = Path.Combine(Path.GetTempPath(), $"newswire-stop-{Guid.NewGuid():N}.db");
        try
        {
            long oneAt;
            await using (var app = new NewsWireApp(database, services: s => TailerProbes.StepByStep(s, _gate, _version)))
            {
                var tailer = app.Services.GetRequiredService<LuceneTailer>();
                await tailer.EnsureCurrentAsync(CancellationToken.None);
                using var writer = app.CreateWriter();
                await writer.CreateAsync(Stories.Input("Applied before the stop", body: "zqstopone here."));
                oneAt = await HeadAsync(app);
                await writer.CreateAsync(Stories.Input("Left for the next start", body: "zqstoptwo here."));

                _gate.HoldReadAfter(oneAt);
                var catchUp = tailer.EnsureCurrentAsync(CancellationToken.None);
                await _gate.Reached.WaitAsync(HangGuard);

                var tailing = new LuceneTailing(tailer, app.Services.GetRequiredService<LuceneTailerOptions>(),
                    app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LuceneTailing>>());
                var stops = new[] { tailing.StopAsync(CancellationToken.None), tailer.StopAsync(CancellationToken.None) };
                await Task.WhenAll(stops).WaitAsync(HangGuard); // the gate is never opened: the stop ended the catch-up
                await FluentActions.Awaiting(() => catchUp).Should().ThrowAsync<OperationCanceledException>();
                await tailer.StopAsync(CancellationToken.None); // again, and again when the app is disposed: no throw
                await FluentActions.Awaiting(() => tailer.EnsureCurrentAsync(CancellationToken.None))
                    .Should().ThrowAsync<OperationCanceledException>("a stopped tailer starts no catch-up on an index about to close");
            }

            IndexContents.CommittedPosition(Path.ChangeExtension(database, ".index")).Should().Be(oneAt);
            await using (var restarted = new NewsWireApp(database))
            {
                using var client = restarted.CreateClient();
                (await client.GetFromJsonAsync<SearchResults>("/api/search?q=zqstoptwo", HttpExtensions.Json))!.Total
                    .Should().Be(1, "the next start applies the log from the committed position");
            }
        }
        finally
        {
            NewsWireApp.DeleteDatabase(database);
            if (Directory.Exists(Path.ChangeExtension(database, ".index")))
            {
                Directory.Delete(Path.ChangeExtension(database, ".index"), recursive: true);
            }
        }
    }

    [Fact]
    public async Task AHostStoppedTwiceAndThenDisposedStopsTheTailerOnce()
    {
        await using var app = NewsWireApp.OnTestProvider();
        using var client = app.CreateClient();
        (await client.GetAsync("/api/search?q=zqtwice")).StatusCode.Should().Be(HttpStatusCode.OK);
        var host = app.Services.GetRequiredService<IHost>();
        // Looked up first: once the host has stopped, the factory may dispose its services at any moment.
        var tailing = app.Services.GetServices<IHostedService>().OfType<LuceneTailing>().Single();
        await host.StopAsync();
        await host.StopAsync();

        var stopAgain = () => tailing.StopAsync(CancellationToken.None);

        await stopAgain.Should().NotThrowAsync("a third stop, as the disposal makes, finds the tailer stopped");
    }

    [Fact]
    public async Task AWriterBrokenByAFaultIsReopenedAtItsLastCommitAndSearchesGoOnAnswering()
    {
        var folder = Directory.CreateTempSubdirectory("newswire-faulty-index-").FullName;
        FaultyDirectory? faulty = null;
        try
        {
            await using var app = NewsWireApp.OnTestProvider(
                new Dictionary<string, string?> { [$"{LuceneSearchSetup.Section}:IndexPath"] = folder },
                services => services.Replace(ServiceDescriptor.Singleton(_ =>
                    new LuceneIndex(folder, LuceneIndex.DefaultRamBufferMB, path => faulty = new FaultyDirectory(new global::Lucene.Net.Store.NIOFSDirectory(path))))));
            using var writer = app.CreateWriter();
            using var client = app.CreateClient();
            (await client.GetAsync("/api/search?q=zqfault")).StatusCode.Should().Be(HttpStatusCode.OK);
            var tailer = app.Services.GetRequiredService<LuceneTailer>();
            await tailer.CommitAsync(now: true, CancellationToken.None);

            var before = await writer.CreateAsync(Stories.Input("Written before the fault", body: "zqfault zqfaultbefore here."));
            faulty!.FailNextFile(); // the refresh that makes it searchable writes a segment, and runs out of memory
            var found = await client.GetAsync("/api/search?q=zqfault");
            faulty.Fired.Should().BeTrue();
            found.StatusCode.Should().Be(HttpStatusCode.OK);
            (await found.ReadAsAsync<SearchResults>()).Items.Select(h => h.Id).Should().Equal([before.Id]);
            tailer.Index.Broken.Should().BeFalse("the broken writer was replaced");

            var after = await writer.CreateAsync(Stories.Input("Written after the fault", body: "zqfault zqfaultafter here."));
            (await client.GetFromJsonAsync<SearchResults>("/api/search?q=zqfault", HttpExtensions.Json))!.Items
                .Select(h => h.Id).Should().BeEquivalentTo([before.Id, after.Id]);
            await tailer.CommitAsync(now: true, CancellationToken.None); // a writer that hit OOM could never commit again
            tailer.Index.Position.Should().Be(tailer.Applied);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IReadOnlyList<long> Ids(LuceneTailer tailer) => IndexContents.Of(tailer.Index).Ids;

    private static async Task<long> HeadAsync(NewsWireApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IChangeLog>().HeadAsync(CancellationToken.None);
    }
}
