using NewsWire.Api.Articles;

namespace NewsWire.Api.Data;

/// <summary>
/// Before the server takes requests: the provider migrates the database forward and, on a database no
/// migration had touched, the TASS report is stored, once.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceScopeFactory scopes, IDatabaseMigrator migrator, ILogger<DatabaseStartup> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
        var seeded = 0;
        var fresh = await migrator.MigrateAsync(db, async token =>
            seeded = await Seed.StoreAsync(scope.ServiceProvider.GetRequiredService<ArticleStore>(), token), cancellationToken);
        if (fresh)
        {
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
