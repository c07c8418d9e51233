namespace NewsWire.Storage;

/// <summary>
/// One reading of a value from elsewhere (the change log's head, a round trip to the server) shared by every
/// caller it is good for. A caller needs a reading that <em>began after it arrived</em>: one that began
/// earlier may have missed a write acknowledged in between. So one reading is in flight at a time; callers
/// that arrive while it runs do not take its answer but join the next reading, which starts the moment this
/// one ends. Whatever the concurrency that is at most two readings per round trip, and no thread waits on a
/// lock across one: callers await a task (ADR 30).
/// </summary>
/// <remarks>
/// A reading is run for all its callers, so it takes no caller's cancellation: one who gives up stops waiting
/// (<see cref="Task.WaitAsync(CancellationToken)"/>) and the others are served. A reading that fails fails each of
/// its callers with its exception, as a reading of their own would have; the next caller starts afresh.
/// </remarks>
public sealed class SharedReading<T>(Func<Task<T>> read)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<T>? _running; // began before anyone who arrives now
    private TaskCompletionSource<T>? _next;    // begins when the running one ends; callers arriving now join it
    private TaskCompletionSource? _stopped;    // set by StopAsync; completed when the last reading has ended

    /// <summary>The answer of a reading that begins after this call.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="StopAsync"/>.</exception>
    public Task<T> NextAsync()
    {
        TaskCompletionSource<T> mine;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopped is not null, this);
            if (_running is not null)
            {
                return (_next ??= NewReading()).Task;
            }

            _running = mine = NewReading();
        }

        // The readings run for whoever joins them, for as long as callers keep arriving: they must not carry
        // the first caller's request context (its trace, its logging scope) into every later one.
        if (ExecutionContext.IsFlowSuppressed())
        {
            _ = RunAsync(mine);
        }
        else
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = RunAsync(mine);
            }
        }

        return mine.Task;
    }

    /// <summary>Runs readings back to back while callers keep joining the next one; never throws.</summary>
    private async Task RunAsync(TaskCompletionSource<T> reading)
    {
        while (true)
        {
            try
            {
                reading.SetResult(await read());
            }
            catch (Exception e)
            {
                reading.SetException(e);
            }

            lock (_lock)
            {
                if (_next is null)
                {
                    _running = null;
                    _stopped?.TrySetResult();
                    return;
                }
            }

            // The callers just answered go first: their continuations are queued on the thread pool, and this
            // loop queues itself behind them. Idle, that is one hop; busy, the next reading starts once the work
            // already waiting has run, so more callers join it and the readings (a round trip each, CPU on both
            // ends) become fewer as the load grows instead of running back to back. Callers arriving meanwhile
            // still join the next reading, which has not begun.
            await Task.Yield();
            lock (_lock)
            {
                _running = reading = _next!;
                _next = null;
            }
        }
    }

    /// <summary>
    /// Takes no more callers and waits for the readings already promised (the one in flight and the one its
    /// late arrivals joined), so that whatever the readings use (a connection) can be closed after it: closing
    /// it under a reading in flight fails that reading and the close.
    /// </summary>
    public Task StopAsync()
    {
        lock (_lock)
        {
            _stopped ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running is null)
            {
                _stopped.TrySetResult();
            }

            return _stopped.Task;
        }
    }

    // Callers' continuations run on the thread pool, not inline on the reading's thread: the next reading
    // starts without waiting for every caller of this one to finish its request.
    private static TaskCompletionSource<T> NewReading() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
