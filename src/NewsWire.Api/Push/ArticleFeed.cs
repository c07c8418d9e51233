using Microsoft.Extensions.Options;

namespace NewsWire.Api.Push;

/// <summary>
/// The instance's one reader of the change log for push (ADR 26): every <see cref="StreamOptions.PollIntervalMs"/>
/// it reads the log's head (one index look-up), and when that moved and some stream is open, reads the new
/// entries, loads each newly stored article once, indexes it alone once and matches it against every open
/// stream's search at once (<see cref="SavedSearchMatcher{TKey}"/>). The log is in the database every
/// instance shares, so an article stored through any instance reaches the streams held by all of them.
/// </summary>
/// <remarks>
/// <see cref="SubscribeAsync"/> and each batch's publication take one lock, and the position moves only under it,
/// so a subscription receives every entry after the position it was given, and the stream replays the rest.
/// </remarks>
public sealed partial class ArticleFeed(
    IServiceScopeFactory scopes, IOptions<StreamOptions> options, TimeProvider clock, ILogger<ArticleFeed> logger) : BackgroundService
{
    private const int PageSize = 256;

    private readonly Lock _lock = new();
    private readonly SavedSearchMatcher<StreamSubscription> _matcher = new();
    private readonly HashSet<StreamSubscription> _subscriptions = [];
    private long _position;

    /// <summary>Known once the first read of the head is done; a stream that opens before waits for it.</summary>
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<StreamSubscription> SubscribeAsync(SavedSearch search, CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            var subscription = new StreamSubscription(_position, Unsubscribe);
            _matcher.Add(subscription, search);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    // On the thread pool, away from whatever context started the host (a test runner's): SQLite's calls block
    // their thread, and a poll must never hold a thread that a request's continuation is waiting for.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => PollUntilStoppedAsync(stoppingToken), CancellationToken.None);

    private async Task PollUntilStoppedAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollIntervalMs), clock);
        try
        {
            do
            {
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The database may be away for a moment; the next tick tries again from the same position.
                    LogPollFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_lock)
            {
                foreach (var subscription in _subscriptions)
                {
                    subscription.End();
                }
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        if (!_started.Task.IsCompleted)
        {
            // The first read: streams start here (the head, not 0).
            _position = head;
            _started.TrySetResult();
            return;
        }

        long from;
        lock (_lock)
        {
            if (head <= _position || _subscriptions.Count == 0)
            {
                // Nobody listens: nothing to load, and a stream that opens now starts here.
                _position = Math.Max(_position, head);
                return;
            }

            from = _position;
        }

        await using var scope = scopes.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IChangeLog>();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        while (from < head)
        {
            var page = await log.ReadAsync(from, PageSize, cancellationToken);
            var last = page.Changes.Count == 0 ? head : page.Changes[^1].Position;
            var articles = await NewArticles.LoadAsync(db, page.Changes, cancellationToken);
            lock (_lock)
            {
                foreach (var article in articles)
                {
                    foreach (var subscription in _matcher.Match(article.Matchable))
                    {
                        subscription.Offer(article);
                    }
                }

                _position = last;
            }

            from = last;
        }
    }

    private void Unsubscribe(StreamSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
            _matcher.Remove(subscription);
        }
    }

    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IChangeLog>().HeadAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change log for the live search streams failed; trying again at the next tick.")]
    private partial void LogPollFailed(Exception exception);
}
