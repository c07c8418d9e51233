using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NewsWire.Api.Data;

/// <summary>How long the change log keeps what it no longer needs (<c>NewsWire:ChangeLog</c>, ADR 20).</summary>
public sealed class ChangeLogOptions
{
    public const string Section = "NewsWire:ChangeLog";

    /// <summary>Entries younger than this are never dropped: a reader that many hours behind still sees every change.</summary>
    [Range(1, 24 * 365)]
    public int RetentionHours { get; set; } = 24 * 7;

    /// <summary>How often each instance compacts; 0 turns compaction off.</summary>
    [Range(0, 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;
}

/// <summary>
/// Compacts the change log now and then: past the retention, an entry that a later one for the same article
/// supersedes is dropped, and so are deletions (which raises the floor a reader compares its position with).
/// Every instance may run it; it is one transaction and does the same whoever runs it.
/// </summary>
internal sealed partial class ChangeLogCompaction(
    IServiceScopeFactory scopes, IOptions<ChangeLogOptions> options, TimeProvider clock, ILogger<ChangeLogCompaction> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.IntervalMinutes == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.IntervalMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var before = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(settings.RetentionHours);
                var dropped = await scope.ServiceProvider.GetRequiredService<IChangeLog>().CompactAsync(before, stoppingToken);
                LogCompacted(dropped);
            }
            catch (System.Data.Common.DbException e)
            {
                // The next round tries again; a busy or briefly unreachable database is no reason to stop the service.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change log compacted: {Dropped} entries dropped")]
    private partial void LogCompacted(int dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change log compaction failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
