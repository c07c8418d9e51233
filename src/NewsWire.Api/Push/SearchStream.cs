using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Push;

/// <summary>
/// One open stream (ADR 26): it subscribes to the instance's <see cref="ArticleFeed"/>, replays from the change
/// log what was stored between its start and the feed's position, then passes on what the feed matched, each
/// event once, by position. While idle it writes a comment every heartbeat. It ends when the client goes, the
/// instance stops, or the client falls a queue's length behind (it reconnects with Last-Event-ID and loses nothing).
/// </summary>
/// <remarks>
/// Comments are written to the response body between events: <see cref="SseItem{T}"/> has no comment, and the
/// formatter has written and flushed each item before it asks for the next, so the two never interleave.
/// </remarks>
/// <param name="http">The request the stream answers.</param>
/// <param name="search">The compiled search.</param>
/// <param name="start">The change-log position after which the stream sends matches.</param>
/// <param name="notice">A comment sent after the opening one: why the stream starts later than the client asked.</param>
internal sealed class SearchStream(HttpContext http, SavedSearch search, long start, string? notice)
{
    private const int ReplayPage = 256;

    public async IAsyncEnumerable<SseItem<ArticleSummary>> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var heartbeat = TimeSpan.FromMilliseconds(services.GetRequiredService<IOptions<StreamOptions>>().Value.HeartbeatMs);
        using var subscription = await services.GetRequiredService<ArticleFeed>().SubscribeAsync(search, cancellationToken);
        // At once, so the client has the headers (and knows the stream is open) before any article arrives.
        await CommentAsync($"new articles matching this search, after change-log position {start}", cancellationToken);
        if (HeadRequests.IsHead(http))
        {
            yield break;
        }

        if (notice is not null)
        {
            await CommentAsync(notice, cancellationToken);
        }

        var sent = start;
        if (subscription.After > start)
        {
            var log = services.GetRequiredService<IChangeLog>();
            var db = services.GetRequiredService<NewsWireDb>();
            var matcher = new SavedSearchMatcher<bool>();
            matcher.Add(true, search);
            for (var after = start; after < subscription.After;)
            {
                var page = await log.ReadAsync(after, ReplayPage, cancellationToken);
                if (page.Gap)
                {
                    await CommentAsync($"the change log no longer holds every entry after position {start} (compacted); resuming at position {subscription.After}", cancellationToken);
                    break;
                }

                var changes = page.Changes.Where(c => c.Position <= subscription.After).ToList();
                foreach (var article in await NewArticles.MatchAsync(db, changes, matcher, cancellationToken))
                {
                    yield return Event(article.Position, article.Summary);
                }

                after = changes.Count == 0 ? subscription.After : changes[^1].Position;
            }

            sent = subscription.After;
        }

        var articles = subscription.Articles;
        while (true)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(heartbeat);
                bool more;
                try
                {
                    more = await articles.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await CommentAsync("heartbeat", cancellationToken);
                    continue;
                }

                if (!more)
                {
                    yield break;
                }
            }

            while (articles.TryRead(out var article))
            {
                if (article.Position > sent)
                {
                    sent = article.Position;
                    yield return Event(article.Position, article.Summary);
                }
            }
        }
    }

    private static SseItem<ArticleSummary> Event(long position, ArticleSummary article) =>
        new(article, "article") { EventId = position.ToString(CultureInfo.InvariantCulture) };

    private async Task CommentAsync(string text, CancellationToken cancellationToken)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($": {text}\n\n"), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
