using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>A database of its own on the test server, and the service on it: as many instances as a test needs,
/// each with its own search index folder, as separate processes behind a load balancer would have.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly List<NewsWireApp> _apps = [];
    private readonly List<string> _indexes = [];

    /// <param name="migrated">A copy of a migrated and seeded database (<see cref="PostgresServer.CreateDatabase"/>)
    /// instead of an empty one, for tests that are not about the first start.</param>
    public PostgresDatabase(bool migrated = false) => ConnectionString = PostgresServer.CreateDatabase(migrated);

    public string ConnectionString { get; }

    /// <summary>One more instance of the service on this database.</summary>
    /// <param name="settings">Configuration that overrides the instance's.</param>
    /// <param name="services">Replacements for the service's own registrations.</param>
    public NewsWireApp Instance(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var index = Path.Combine(Path.GetTempPath(), $"newswire-pg-index-{Guid.NewGuid():N}");
        _indexes.Add(index);
        var all = new Dictionary<string, string?>
        {
            ["NewsWire:Provider"] = "Postgres",
            ["ConnectionStrings:NewsWire"] = ConnectionString,
            ["NewsWire:Search:IndexPath"] = index,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new NewsWireApp(settings: all, services: services);
        _apps.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        PostgresServer.DropDatabase(ConnectionString);
        foreach (var index in _indexes.Where(Directory.Exists))
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
