using System.Threading.Channels;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// Wakes the delivery worker as soon as this instance's dispatcher has queued deliveries, rather than at its next
/// poll; other instances find them at theirs (the queue is the database, this is only a shortcut).
/// </summary>
public sealed class WebhookSignals
{
    private readonly Channel<bool> _deliveries = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void DeliveriesQueued() => _deliveries.Writer.TryWrite(true);

    /// <summary>Waits until deliveries were queued here or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitForDeliveriesAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _deliveries.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed
        }
    }
}
