using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>How often the tailer looks at the log without searches, and how it batches commits (ADR 22).</summary>
public sealed record LuceneTailerOptions
{
    /// <summary>How many log entries one read applies.</summary>
    public int PageSize { get; init; } = 1_000;

    /// <summary>How often the background tailer reads the log's head when no search asks.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A commit (an fsync of every new file) at most this often...</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>...unless this many changes are waiting for one.</summary>
    public int CommitEvery { get; init; } = 50_000;

    /// <summary>A long catch-up makes what it applied searchable after this many entries...</summary>
    public int PublishEvery { get; init; } = 5_000;

    /// <summary>...or this long, so a search waits for its own target, not for the whole backlog.</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// Keeps the index in step with the store by applying the change log (ADR 20) in order: a created, updated,
/// hidden or shown article is read again and upserted, a deleted one deleted, a page of entries at a time. The
/// position of the last entry applied is the index's (<see cref="LuceneIndex.Position"/>), committed with the
/// documents it covers, so index and position never disagree; commits are batched, and after a crash the
/// entries after the committed position are applied again (upserts and deletes by id do not mind).
/// <para>A search calls <see cref="EnsureCurrentAsync"/> first: when the log's head (<see cref="IDatabaseVersion"/>,
/// which the cache reads too) is past the index, it catches up before it searches, so it reflects every write
/// acknowledged before it arrived (ADR 21). Its target is the head it read on arrival; one catch-up runs at a
/// time and publishes what it applied every few pages, so a search that arrives while one runs returns as soon
/// as its target is searchable, not when the backlog ends. A log compacted past the index's position (a gap), an index that is missing,
/// corrupt or without a position, is rebuilt from the store (<see cref="LuceneRebuild"/>).</para>
/// </summary>
public sealed partial class LuceneTailer(
    LuceneIndex index, IDatabaseVersion version, IServiceScopeFactory scopes, LuceneTailerOptions options, ILogger<LuceneTailer> logger)
    : ISearchIndexFreshness, IAsyncDisposable, IDisposable
{
    /// <summary>The position of an index that must be rebuilt: below every head, so every search catches up.</summary>
    private const long Unbuilt = -1;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private long _applied = index.Position ?? Unbuilt;
    private long _committed = index.Position ?? Unbuilt;
    private long _uncommitted;
    private long _lastCommitAt = Stopwatch.GetTimestamp();
    /// <summary>Completed (and replaced) each time <see cref="_applied"/> moves or the turn is given back:
    /// what a search waits on while another holds the turn.</summary>
    private TaskCompletionSource _published = NewSignal();
    /// <summary>The stop, once begun: every later call waits for the same one.</summary>
    private Task? _stopped;
    private readonly System.Threading.Lock _stopLock = new();

    public LuceneIndex Index => index;

    /// <summary>The position of the last change the searches see.</summary>
    public long Applied => Volatile.Read(ref _applied);

    /// <summary>Returns once the index reflects every change in the log when this was called.</summary>
    /// <param name="cancellationToken">Stops this caller's waiting; a catch-up it started runs on for the others,
    /// holding the turn, until it reaches its head or the tailer stops.</param>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var target = await version.CurrentAsync(cancellationToken);
        while (true)
        {
            // The signal before the position: a publish after this read completes it, so none is missed between
            // the look at the position and the wait.
            var published = Volatile.Read(ref _published).Task;
            if (Volatile.Read(ref _applied) >= target)
            {
                return;
            }

            // The host is stopping: the index is about to close, and the turn is not given back.
            _stopping.Token.ThrowIfCancellationRequested();
            if (_turn.Wait(0, CancellationToken.None))
            {
                // Begun after arrival, the catch-up reaches the log's head as it then was: past every write
                // acknowledged before this call (a head that only counts, as for an in-memory database, is never
                // reached, so returning here is what ends the wait there).
                await CatchUpHoldingTurn().WaitAsync(cancellationToken);
                return;
            }

            await published.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Commits what was applied when the interval has passed or enough changes wait; with
    /// <paramref name="now"/> (the end of an import), whatever waits.</summary>
    public async Task CommitAsync(bool now, CancellationToken cancellationToken)
    {
        if (!await TakeTurnAsync(cancellationToken))
        {
            return; // stopped: the stop committed
        }

        try
        {
            CommitIfDue(now);
        }
        catch (Exception e) when (index.Broken && !_stopping.IsCancellationRequested)
        {
            // Reopened at the last commit, the index is behind the log again: the next catch-up applies the rest.
            Reopen(e);
            throw;
        }
        finally
        {
            ReleaseTurn();
        }
    }

    /// <summary>Rebuilds the index from the store now (the reindex command), whatever its state.</summary>
    public async Task<LuceneRebuild.Figures> RebuildAsync(Action<long, long>? progress, CancellationToken cancellationToken)
    {
        if (!await TakeTurnAsync(cancellationToken))
        {
            throw new OperationCanceledException("The search index is stopping.", _stopping.Token);
        }

        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            return await RebuildLockedAsync(progress, both.Token);
        }
        finally
        {
            ReleaseTurn();
        }
    }

    /// <summary>
    /// Stops the tailer, once however often it is called (a host stopped twice, a container disposed before its
    /// host stopped): a catch-up or rebuild in progress gives up at its next read (a rebuild cut short is done
    /// again on the next start), then what was applied is committed, and the turn is kept, so nothing writes to the
    /// index before the container closes it. <paramref name="cancellationToken"/> stops only this caller's waiting.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            _stopped ??= StopOnceAsync();
        }

        return _stopped.WaitAsync(cancellationToken);
    }

    private async Task StopOnceAsync()
    {
        // Not on the caller's context: Dispose blocks on this stop, and a context with few threads (a test
        // runner's) would then have none left to finish it on.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _turn.WaitAsync(CancellationToken.None).ConfigureAwait(false); // the running catch-up ends soon: it honours the stopping token
        try
        {
            CommitIfDue(now: true);
        }
        catch (Exception e)
        {
            LogStopFailed(e); // the index rolls back to its last commit; the next start applies the log from there
        }

        Signal(); // searches still waiting look again, and find the tailer stopped
    }

    /// <summary>Stops the tailer (if the host did not) and waits for that stop, before the container closes the
    /// index, which it made first and so closes after: no catch-up runs on a closed index.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    public void Dispose() => Task.Run(() => StopAsync(CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>The turn, unless the tailer stopped (or stops while this waits): then false, and nothing to do.</summary>
    private async Task<bool> TakeTurnAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            await _turn.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Runs a catch-up as the instance's work, holding the turn the caller took: a caller that stops
    /// waiting does not stop it half-way.</summary>
    private Task CatchUpHoldingTurn() => Task.Run(async () =>
    {
        try
        {
            await CatchUpAsync(_stopping.Token);
        }
        finally
        {
            ReleaseTurn();
        }
    });

    /// <summary>Applies the log up to its head as read now, then makes it searchable. Holds the turn. An index whose
    /// writer broke (<see cref="LuceneIndex.Broken"/>) is reopened at its last commit and the catch-up run again
    /// from there.</summary>
    private async Task CatchUpAsync(CancellationToken stopping)
    {
        try
        {
            await CatchUpOnceAsync(stopping);
        }
        catch (Exception e) when (index.Broken && !stopping.IsCancellationRequested)
        {
            Reopen(e);
            await CatchUpOnceAsync(stopping);
        }
    }

    private async Task CatchUpOnceAsync(CancellationToken stopping)
    {
        stopping.ThrowIfCancellationRequested();
        if (_applied == Unbuilt)
        {
            await RebuildLockedAsync(null, stopping);
        }

        await using var scope = scopes.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IChangeLog>();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        // The head as of now bounds this catch-up: a search waits for what was written before it, not after.
        var head = await log.HeadAsync(stopping);
        var position = _applied;
        var unpublished = 0;
        var publishedAt = Stopwatch.GetTimestamp();
        while (position < head)
        {
            var page = await log.ReadAsync(position, options.PageSize, stopping);
            if (page.Gap)
            {
                LogGap(position);
                await RebuildLockedAsync(null, stopping);
                position = _applied;
                continue;
            }

            if (page.Changes.Count == 0)
            {
                break;
            }

            await ApplyAsync(db, page.Changes, stopping);
            position = page.Changes[^1].Position;
            _uncommitted += page.Changes.Count;
            unpublished += page.Changes.Count;
            if (unpublished >= options.PublishEvery || Stopwatch.GetElapsedTime(publishedAt) >= options.PublishInterval)
            {
                Publish(position);
                unpublished = 0;
                publishedAt = Stopwatch.GetTimestamp();
            }
        }

        Publish(position);
        // After the waiters are released: the fsync is durability, which no search waits for.
        CommitIfDue(now: false);
    }

    /// <summary>After the writer broke (<paramref name="broke"/>, logged): a new writer and searcher at the index's last
    /// commit, and what was applied since is applied again.</summary>
    private void Reopen(Exception broke)
    {
        LogBroken(broke);
        index.Reopen();
        _committed = index.Position ?? Unbuilt;
        _uncommitted = 0;
        _lastCommitAt = Stopwatch.GetTimestamp();
        Volatile.Write(ref _applied, _committed);
        LogReopened(_committed);
    }

    /// <summary>Makes <paramref name="position"/> searchable, then says so: a search that sees it needs no catch-up.</summary>
    private void Publish(long position)
    {
        index.Refresh();
        Volatile.Write(ref _applied, position);
        Signal();
    }

    private void ReleaseTurn()
    {
        _turn.Release();
        Signal(); // a search that waited on a turn that ended short of its target takes the turn itself
    }

    private void Signal() => Interlocked.Exchange(ref _published, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Each article's last entry in the page decides: deleted, or read again as it is now (a row gone
    /// since is deleted too; its own entry comes later and deletes it again).</summary>
    private async Task ApplyAsync(NewsWireDb db, IReadOnlyList<ArticleChange> changes, CancellationToken stopping)
    {
        var last = new Dictionary<long, ChangeKind>(changes.Count);
        foreach (var change in changes)
        {
            last[change.ArticleId] = change.Kind;
        }

        var reread = last.Where(e => e.Value != ChangeKind.Deleted).Select(e => e.Key).ToList();
        var articles = reread.Count == 0 ? [] : await IndexedArticle.Stored(db)
            .Where(a => reread.Contains(a.Id)).ToListAsync(stopping);
        index.Upsert(articles.Select(IndexedArticle.From));
        var found = articles.Select(a => a.Id).ToHashSet();
        index.Delete(last.Keys.Where(id => !found.Contains(id)));
    }

    private async Task<LuceneRebuild.Figures> RebuildLockedAsync(Action<long, long>? progress, CancellationToken cancellationToken)
    {
        // Until the rebuild commits, the index holds part of the store: nothing may commit it, and a search
        // after a failed rebuild starts another.
        Volatile.Write(ref _applied, Unbuilt);
        await using var scope = scopes.CreateAsyncScope();
        var figures = await LuceneRebuild.RunAsync(index, scope.ServiceProvider.GetRequiredService<NewsWireDb>(),
            scope.ServiceProvider.GetRequiredService<IChangeLog>(), progress, cancellationToken);
        _committed = figures.Position;
        _uncommitted = 0;
        _lastCommitAt = Stopwatch.GetTimestamp();
        Volatile.Write(ref _applied, figures.Position);
        LogRebuilt(figures.Articles, figures.Elapsed.TotalSeconds, figures.Position);
        return figures;
    }

    private void CommitIfDue(bool now)
    {
        if (_applied == Unbuilt || (_applied == _committed && _uncommitted == 0))
        {
            return;
        }

        if (!now && _uncommitted < options.CommitEvery && Stopwatch.GetElapsedTime(_lastCommitAt) < options.CommitInterval)
        {
            return;
        }

        index.Commit(_applied);
        _committed = _applied;
        _uncommitted = 0;
        _lastCommitAt = Stopwatch.GetTimestamp();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index: the writer broke (Lucene closed it, or it ran out of memory); reopening the index at its last commit")]
    private partial void LogBroken(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: reopened at its last commit, change-log position {Position}; applying the log again from there")]
    private partial void LogReopened(long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: the commit at shutdown failed; the next start applies the log again from the last commit")]
    private partial void LogStopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: the change log was compacted past the index's position {Position}; rebuilding the index from the store")]
    private partial void LogGap(long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: rebuilt from the store, {Articles} articles in {Seconds:0.0} s, at change-log position {Position}")]
    private partial void LogRebuilt(long articles, double seconds, long position);
}
