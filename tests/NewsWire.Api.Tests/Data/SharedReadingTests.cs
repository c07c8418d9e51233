using NewsWire.Storage;

namespace NewsWire.Api.Tests.Data;

/// <summary>
/// Read-your-writes rests on one rule of <see cref="SharedReading{T}"/>: a caller is given only the answer of a
/// reading that began after it arrived. A gated fake server decides when each reading starts and ends, so each
/// interleaving is set up step by step, with no timing.
/// </summary>
public sealed class SharedReadingTests
{
    [Fact]
    public async Task AReadingInFlightWhenACallerArrivesIsNeverItsAnswer()
    {
        var server = new GatedServer();
        var shared = new SharedReading<long>(server.ReadAsync);

        var first = shared.NextAsync();
        server.Started.Should().Be(1);
        server.Commit(); // acknowledged while the first reading is in flight, which began before it

        var second = shared.NextAsync();
        var third = shared.NextAsync();
        server.Started.Should().Be(1, "callers arriving during a reading wait for the next one");

        server.Finish(1);
        (await first).Should().Be(0);
        await server.StartOf(2);
        second.IsCompleted.Should().BeFalse("the reading in flight when it arrived is not its answer");
        var fourth = shared.NextAsync(); // arrives during the second reading: joins a third

        server.Finish(2);
        (await second).Should().Be(1, "its reading began after the commit acknowledged before it arrived");
        (await third).Should().Be(1);
        await server.StartOf(3);
        fourth.IsCompleted.Should().BeFalse();

        server.Finish(3);
        (await fourth).Should().Be(1);
        server.Started.Should().Be(3, "four callers, three readings: never one per caller, never an early one shared");
    }

    [Fact]
    public async Task WithoutAReadingInFlightACallerStartsItsOwn()
    {
        var server = new GatedServer();
        var shared = new SharedReading<long>(server.ReadAsync);

        var first = shared.NextAsync();
        server.Finish(1);
        await first;
        server.Commit();

        // The first reading's loop may still be ending when its caller resumes (its callers' continuations run
        // on the thread pool): the second caller then joins the reading that loop starts next, which is as good.
        var second = shared.NextAsync();
        await server.StartOf(2);
        second.IsCompleted.Should().BeFalse("the reading it gets began after it arrived");
        server.Finish(2);
        (await second).Should().Be(1);
        server.Started.Should().Be(2);
    }

    [Fact]
    public async Task ACallerWhoGivesUpLeavesTheSharedReadingToTheOthers()
    {
        var server = new GatedServer();
        var shared = new SharedReading<long>(server.ReadAsync);
        using var givingUp = new CancellationTokenSource();

        var running = shared.NextAsync();
        var leaving = shared.NextAsync().WaitAsync(givingUp.Token);
        var staying = shared.NextAsync();
        await givingUp.CancelAsync();

        await ((Func<Task>)(() => leaving)).Should().ThrowAsync<OperationCanceledException>();
        server.Finish(1);
        await running;
        await server.StartOf(2);
        server.Commit();
        server.Finish(2);
        (await staying).Should().Be(0, "the second reading began before this commit");
        server.Started.Should().Be(2);
    }

    [Fact]
    public async Task AFailedReadingFailsItsCallersWithItsErrorAndTheNextCallerReadsAfresh()
    {
        var server = new GatedServer();
        var shared = new SharedReading<long>(server.ReadAsync);

        var first = shared.NextAsync();
        var second = shared.NextAsync();
        var third = shared.NextAsync();
        server.Fail(1, new TimeoutException("the server did not answer"));
        await ((Func<Task>)(() => first)).Should().ThrowAsync<TimeoutException>();

        await server.StartOf(2);
        server.Fail(2, new InvalidOperationException("connection broken"));
        await ((Func<Task>)(() => second)).Should().ThrowAsync<InvalidOperationException>().WithMessage("connection broken");
        await ((Func<Task>)(() => third)).Should().ThrowAsync<InvalidOperationException>("callers of one reading share its outcome");

        server.Commit();
        var fourth = shared.NextAsync();
        server.Started.Should().Be(3);
        server.Finish(3);
        (await fourth).Should().Be(1);
    }

    [Fact]
    public async Task AReadingThatThrowsBeforeItsFirstAwaitStillEndsAndFailsItsCallers()
    {
        var calls = 0;
        var shared = new SharedReading<long>(() => ++calls == 1 ? throw new InvalidOperationException("no connection") : Task.FromResult(7L));

        await ((Func<Task>)(() => shared.NextAsync())).Should().ThrowAsync<InvalidOperationException>();
        (await shared.NextAsync()).Should().Be(7);
    }

    [Fact]
    public async Task StoppingWaitsForTheReadingInFlightAndTheOneItsLateCallersJoinedThenRefusesNewCallers()
    {
        var server = new GatedServer();
        var shared = new SharedReading<long>(server.ReadAsync);
        var first = shared.NextAsync();
        var late = shared.NextAsync(); // joins the second reading, which is promised to it

        var stopped = shared.StopAsync();
        ((Action)(() => shared.NextAsync())).Should().Throw<ObjectDisposedException>();
        stopped.IsCompleted.Should().BeFalse("a reading is in flight: what it uses (a connection) must not be closed under it");

        server.Finish(1);
        await first;
        await server.StartOf(2);
        stopped.IsCompleted.Should().BeFalse("the late caller's reading runs");
        server.Finish(2);
        await late;
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        await shared.StopAsync().WaitAsync(TimeSpan.FromSeconds(10)); // again, and with nothing in flight, at once
        server.Started.Should().Be(2);
    }

    [Fact]
    public async Task LaterReadingsDoNotRunInTheContextOfTheCallerWhoStartedTheFirst()
    {
        var request = new AsyncLocal<string?>();
        var answers = new[] { new TaskCompletionSource<long>(), new TaskCompletionSource<long>() };
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<string?>();
        var shared = new SharedReading<long>(() =>
        {
            seen.Add(request.Value);
            if (seen.Count == 2)
            {
                secondStarted.SetResult();
            }

            return answers[seen.Count - 1].Task;
        });

        request.Value = "the first request";
        var first = shared.NextAsync();
        request.Value = "the second request";
        var second = shared.NextAsync();
        request.Value = null;
        answers[0].SetResult(1);
        await first;
        await secondStarted.Task;
        answers[1].SetResult(2);

        (await second).Should().Be(2);
        seen[1].Should().BeNull("a reading shared by many requests belongs to none of them (its trace, its logging scope)");
    }

    /// <summary>
    /// A head that moves when the test commits; each reading takes the head as of its start (what a query's
    /// snapshot sees) and answers when the test lets it.
    /// </summary>
    private sealed class GatedServer
    {
        private readonly Lock _lock = new();
        private readonly List<(long Head, TaskCompletionSource<long> Answer)> _readings = [];
        private readonly Dictionary<int, TaskCompletionSource> _starts = [];
        private long _head;

        public int Started
        {
            get { lock (_lock) { return _readings.Count; } }
        }

        public void Commit() => Interlocked.Increment(ref _head);

        public Task<long> ReadAsync()
        {
            lock (_lock)
            {
                var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _readings.Add((Interlocked.Read(ref _head), answer));
                Start(_readings.Count).TrySetResult();
                return answer.Task;
            }
        }

        /// <summary>Completes when reading <paramref name="n"/> (from 1) has begun.</summary>
        public Task StartOf(int n)
        {
            lock (_lock)
            {
                return Start(n).Task;
            }
        }

        public void Finish(int n)
        {
            lock (_lock)
            {
                _readings[n - 1].Answer.SetResult(_readings[n - 1].Head);
            }
        }

        public void Fail(int n, Exception e)
        {
            lock (_lock)
            {
                _readings[n - 1].Answer.SetException(e);
            }
        }

        private TaskCompletionSource Start(int n)
        {
            if (!_starts.TryGetValue(n, out var start))
            {
                _starts[n] = start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return start;
        }
    }
}
