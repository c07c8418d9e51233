using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsWire.Api.Search.Lucene;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// Hooks into the tailer's inputs that let a test hold a catch-up at a chosen point, so interleavings that only
/// timing would otherwise produce happen in a fixed order: a change log whose read after a position waits at a
/// gate, and a log head that a test can pin to an earlier value (a search that arrived before later writes).
/// </summary>
internal static class TailerProbes
{
    /// <summary>One change per page, published at once, no background tailer: only the test's calls catch up.</summary>
    public static void StepByStep(IServiceCollection services, LogGate gate, PinnableVersion version)
    {
        services.Replace(ServiceDescriptor.Singleton(new LuceneTailerOptions { PageSize = 1, PublishEvery = 1, PollInterval = TimeSpan.FromHours(1) }));
        var tailing = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LuceneTailing));
        services.Remove(tailing);
        Decorate<IChangeLog>(services, inner => new GatedChangeLog(inner, gate));
        Decorate<IDatabaseVersion>(services, inner => version.Over(inner));
    }

    /// <summary>Replaces <typeparamref name="T"/>'s registration by <paramref name="wrap"/> around it, same lifetime.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(typeof(T), provider => wrap((T)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!))), inner.Lifetime));
    }
}

/// <summary>Holds the change log's read of the page after a chosen position until the test opens the gate (or the
/// reader's token is cancelled, as the tailer's is when it stops).</summary>
internal sealed class LogGate
{
    private long _heldAfter = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a read after the held position has begun waiting.</summary>
    public Task Reached => _reached.Task;

    public void HoldReadAfter(long position)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _heldAfter, position);
    }

    public void Open()
    {
        Volatile.Write(ref _heldAfter, long.MaxValue);
        _open.TrySetResult();
    }

    public async Task PassAsync(long after, CancellationToken cancellationToken)
    {
        if (after == Volatile.Read(ref _heldAfter))
        {
            _reached.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }
    }
}

internal sealed class GatedChangeLog(IChangeLog inner, LogGate gate) : IChangeLog
{
    public Task<long> HeadAsync(CancellationToken cancellationToken) => inner.HeadAsync(cancellationToken);

    public async Task<ChangeLogPage> ReadAsync(long after, int count, CancellationToken cancellationToken)
    {
        await gate.PassAsync(after, cancellationToken);
        return await inner.ReadAsync(after, count, cancellationToken);
    }

    public Task<int> CompactAsync(DateTime before, CancellationToken cancellationToken) => inner.CompactAsync(before, cancellationToken);
}

/// <summary>The store's log head, unless a test pinned it: a search that reads a pinned head arrived, as far as
/// the tailer can tell, before every write after that position.</summary>
internal sealed class PinnableVersion
{
    private long? _pinned;

    public void Pin(long? head) => _pinned = head;

    public IDatabaseVersion Over(IDatabaseVersion inner) => new Pinned(inner, this);

    private sealed class Pinned(IDatabaseVersion inner, PinnableVersion pin) : IDatabaseVersion, IDisposable
    {
        public ValueTask<long> CurrentAsync(CancellationToken cancellationToken) =>
            pin._pinned is { } pinned ? ValueTask.FromResult(pinned) : inner.CurrentAsync(cancellationToken);

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}

/// <summary>A folder whose next new file, once armed, fails as an allocation would fail when memory runs out: in
/// Lucene 4.8 a writer that hits that refuses every commit after it.</summary>
internal sealed class FaultyDirectory(global::Lucene.Net.Store.Directory inner) : FilterDirectory(inner)
{
    private int _armed;
    private int _fired;

    public void FailNextFile() => Volatile.Write(ref _armed, 1);

    /// <summary>The fault happened (a test that arms it and sees no failure has not shown that anything recovered).</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        Interlocked.Exchange(ref _armed, 0) == 1 && Interlocked.Exchange(ref _fired, 1) == 0
#pragma warning disable CA2201 // the runtime's own exception is the point: it is what Lucene treats as fatal to its writer
            ? throw new OutOfMemoryException($"Injected: out of memory creating {name}")
#pragma warning restore CA2201
            : base.CreateOutput(name, context);
}
