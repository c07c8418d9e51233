using System.Threading.Channels;

namespace NewsWire.Api.Push;

/// <summary>
/// One open stream's place in the instance's <see cref="ArticleFeed"/>: the new articles its search matched,
/// in log order, after <see cref="After"/> (the feed's position when it subscribed; what came before, the
/// stream replays from the log itself). The queue is bounded: a client too slow to take what it is sent is
/// dropped rather than let to fill memory, and loses nothing by it, since it reconnects with Last-Event-ID.
/// </summary>
public sealed class StreamSubscription : IDisposable
{
    public const int Capacity = 1_000;

    private readonly Channel<NewArticle> _queue = Channel.CreateBounded<NewArticle>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private readonly Action<StreamSubscription> _unsubscribe;

    internal StreamSubscription(long after, Action<StreamSubscription> unsubscribe)
    {
        After = after;
        _unsubscribe = unsubscribe;
    }

    public long After { get; }

    /// <summary>Completed when the client fell too far behind or the instance is stopping: the stream ends.</summary>
    public ChannelReader<NewArticle> Articles => _queue.Reader;

    internal void Offer(NewArticle article)
    {
        if (!_queue.Writer.TryWrite(article))
        {
            _queue.Writer.TryComplete();
        }
    }

    internal void End() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _unsubscribe(this);
    }
}
