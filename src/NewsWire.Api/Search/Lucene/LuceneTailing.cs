namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The tailer in the background: on start it catches up from the index's committed position (or rebuilds),
/// then reads the log's head every <see cref="LuceneTailerOptions.PollInterval"/>, so the index stays near
/// the head without searches and commits in batches; on stop it commits what it applied. The host does not wait
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            tailer.Stop(); // a rebuild in progress gives up: the next start does it again
            await base.StopAsync(cancellationToken);
            await tailer.CommitAsync(now: true, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services were disposed before the host stopped them (seen in tests, once every test's host had a
            // tailer): the index was closed with them, rolled back to its last commit (ADR 22); a later start
            // applies the log again from that commit's position.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: catching up with the change log failed; trying again")]
    private partial void LogFailed(Exception exception);
}
