namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The tailer in the background: on start it catches up from the index's committed position (or rebuilds),
/// then reads the log's head every <see cref="LuceneTailerOptions.PollInterval"/>, so the index stays near
/// the head without searches and commits in batches; on stop it stops the tailer, which commits what it applied. The host does not wait
/// for the first catch-up: a search that arrives before it ends waits for it instead.
/// </summary>
internal sealed partial class LuceneTailing(LuceneTailer tailer, LuceneTailerOptions options, ILogger<LuceneTailing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tailer.EnsureCurrentAsync(stoppingToken);
                await tailer.CommitAsync(now: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be away for a moment; the next round (or the next search) tries again.
                LogFailed(e);
            }

            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The loop first, then the tailer (its catch-up gives up, what was applied is committed); both are
    /// idempotent, so a host stopped twice, or a container disposed first, stops once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await tailer.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: catching up with the change log failed; trying again")]
    private partial void LogFailed(Exception exception);
}
