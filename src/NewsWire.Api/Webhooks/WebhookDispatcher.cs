using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Push;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// Turns the change log into deliveries (ADR 27). The log row of an article's creation is written by the article's
/// own transaction (ADR 20), so it is the durable record that a match may be owed; the dispatcher tails it from a
/// cursor kept in the database and, in one transaction, writes the deliveries for a range of entries and moves the
/// cursor past it. A crash before that commit leaves the cursor where it was and the range is matched again; after
/// it, the deliveries are in the queue. Writes and imports pay nothing for it: matching happens beside them.
/// One instance at a time matches a range (the provider's dispatch lock; on SQLite the commit checks the cursor did
/// not move under it).
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IWebhookLocks locks, WebhookSignals signals, IOptions<WebhookOptions> options,
    IOptions<JsonOptions> json, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>Log entries per round: a bound on the articles one round loads and the time its commit holds the lock.</summary>
    internal const int BatchSize = 1000;

    private readonly SavedSearchMatcher<long> _matcher = new();
    private readonly Dictionary<long, long> _startPositions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Any exception, not only the database's: one escaping a BackgroundService stops the whole host.
                // Nothing was committed: the cursor did not move, and the next round matches the same range again.
                LogRoundFailed(e);
                more = false;
            }

            if (!more)
            {
                // Returns rather than throws when stopped: a cancelled ExecuteAsync counts as a failure, which stops
                // the host, unless the host itself is stopping (the service alone can be stopped too).
                await Task.Delay(poll, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>Whether the log may hold more to match right away.</returns>
    internal async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        if (!await locks.TryEnterDispatchAsync(db, cancellationToken))
        {
            return false; // another instance is matching
        }

        try
        {
            var cursor = await db.ChangeLogCursors.AsNoTracking().Where(c => c.Name == ChangeLogCursor.Webhooks)
                .Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);
            if (cursor is null)
            {
                await StartCursorAsync(db, cancellationToken);
                return true;
            }

            var entries = await db.ArticleChanges.AsNoTracking().Where(c => c.Position > cursor)
                .OrderBy(c => c.Position).Take(BatchSize).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return false;
            }

            // The subscriptions are read after the entries: one made before an entry's article was acknowledged is
            // then always among them (ADR 27).
            await RefreshAsync(db, cancellationToken);
            var deliveries = await MatchAsync(db, entries, cancellationToken);

            var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
            var end = entries[^1].Position;
            var moved = await db.ChangeLogCursors.Where(c => c.Name == ChangeLogCursor.Webhooks && c.Position == cursor)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, end), cancellationToken);
            if (moved == 0)
            {
                return true; // another instance committed this range first
            }

            if (deliveries.Count > 0)
            {
                // Deleted or disabled since the matcher was refreshed: nothing to queue for those.
                var ids = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
                var live = (await db.Subscriptions.Where(s => ids.Contains(s.Id) && s.DisabledAt == null).Select(s => s.Id)
                    .ToListAsync(cancellationToken)).ToHashSet();
                db.Deliveries.AddRange(deliveries.Where(d => live.Contains(d.SubscriptionId)));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (deliveries.Count > 0)
            {
                signals.DeliveriesQueued();
            }

            return entries.Count == BatchSize;
        }
        finally
        {
            if (db.Database.CurrentTransaction is { } open)
            {
                await open.DisposeAsync(); // rolls back whatever did not commit
            }
        }
    }

    private async Task<List<Delivery>> MatchAsync(NewsWireDb db, List<ArticleChange> entries, CancellationToken cancellationToken)
    {
        if (_matcher.Count == 0)
        {
            return [];
        }

        // The same reading as the live stream (Push.NewArticles): created entries only, deleted ones skipped, and
        // the summary as listing and search project it, so a webhook and a stream event never differ.
        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = new List<Delivery>();
        foreach (var article in await Push.NewArticles.LoadAsync(db, entries, cancellationToken))
        {
            var matched = _matcher.Match(article.Matchable)
                .Where(s => _startPositions.GetValueOrDefault(s, long.MaxValue) < article.Position);
            foreach (var subscription in matched)
            {
                deliveries.Add(new Delivery
                {
                    SubscriptionId = subscription,
                    ArticleId = article.Summary.Id,
                    Position = article.Position,
                    Payload = Payload(subscription, article.Summary, now),
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        return deliveries;
    }

    private string Payload(long subscription, ArticleSummary article, DateTime now) =>
        JsonSerializer.Serialize(new WebhookEvent("article.matched", now, new WebhookEventData(subscription, article)), json.Value.SerializerOptions);

    /// <summary>Brings the matcher in step with the enabled subscriptions: compiles new ones, drops removed ones.</summary>
    private async Task RefreshAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        var enabled = (await db.Subscriptions.AsNoTracking().Where(s => s.DisabledAt == null).Select(s => s.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var gone in _startPositions.Keys.Where(id => !enabled.Contains(id)).ToList())
        {
            _matcher.Remove(gone);
            _startPositions.Remove(gone);
        }

        var added = enabled.Where(id => !_startPositions.ContainsKey(id)).ToList();
        foreach (var chunk in added.Chunk(500))
        {
            foreach (var subscription in await db.Subscriptions.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                var errors = new Dictionary<string, string[]>();
                if (SubscriptionSearch.FromStored(subscription).Parse(errors) is var (query, filter))
                {
                    _matcher.Add(subscription.Id, SavedSearch.Compile(query, filter));
                    _startPositions[subscription.Id] = subscription.StartPosition;
                }
                else
                {
                    LogUnreadable(subscription.Id, string.Join(" ", errors.Values.SelectMany(v => v)));
                }
            }
        }
    }

    private static async Task StartCursorAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        // The migration makes the cursor; should it be missing, webhooks start from now rather than replay the archive.
        var head = await db.ArticleChanges.MaxAsync(c => (long?)c.Position, cancellationToken) ?? 0;
        var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeLogCursors.Add(new ChangeLogCursor { Name = ChangeLogCursor.Webhooks, Position = head });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch round failed; the same log range is matched again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {Subscription} no longer parses and matches nothing: {Errors}")]
    private partial void LogUnreadable(long subscription, string errors);
}

/// <summary>The body of every webhook: <c>{ "type": "article.matched", "timestamp": ..., "data": { "subscription": id, "article": ArticleSummary } }</c>.</summary>
public sealed record WebhookEvent(string Type, DateTime Timestamp, WebhookEventData Data);

public sealed record WebhookEventData(long Subscription, ArticleSummary Article);
