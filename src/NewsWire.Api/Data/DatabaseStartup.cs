using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Data;

/// <summary>
/// Before the server takes requests: migrate the database forward and, on a database created just now,
/// store the TASS report. "Created just now" means no migration had been applied, so a database whose
/// articles were all deleted is never re-seeded.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();

        var fresh = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        // WAL lets readers go on while one writer writes; it is a property of the file, so set it once here.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        if (fresh)
        {
            var seeded = await Seed.StoreAsync(scope.ServiceProvider.GetRequiredService<ArticleStore>(), cancellationToken);
            LogSeeded(seeded);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New database: migrated and seeded with {Count} article(s)")]
    private partial void LogSeeded(int count);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
