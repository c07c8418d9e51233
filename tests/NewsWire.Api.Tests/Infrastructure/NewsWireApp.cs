using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// The service over real HTTP with its own SQLite file, migrated and seeded as on a first start
/// (<see cref="OnTestProvider"/>: on the provider the run tests).
/// A file rather than :memory: because WAL, restarts and concurrent connections are part of what is tested.
/// </summary>
public sealed class NewsWireApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-123";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _keepDatabase;

    /// <param name="databasePath">A file to use (and keep) instead of a fresh temporary one.</param>
    /// <param name="settings">Configuration that overrides the defaults below.</param>
    /// <param name="services">Replacements for the service's own registrations (a clock, say).</param>
    public NewsWireApp(string? databasePath = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _keepDatabase = databasePath is not null;
        _services = services;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"newswire-test-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:NewsWire"] = $"Data Source={DatabasePath}",
            ["NewsWire:ApiKeys:0"] = ApiKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Every TestServer request comes from the same (unknown) address, so the per-address limits would
            // make tests that send many requests depend on each other's counts; RateLimitTests turn them on.
            ["NewsWire:RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>The store this app was started on by <see cref="OnTestProvider"/>, removed with the app; else null.</summary>
    public TestStore? Store { get; private init; }

    private string? _indexFolder;

    /// <summary>
    /// A service on a new store of the provider the run tests (<see cref="TestProvider"/>): on SQLite what
    /// <c>new NewsWireApp(settings: …)</c> gives, on PostgreSQL a database of its own and an index folder. The
    /// store goes with the app.
    /// </summary>
    public static NewsWireApp OnTestProvider(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        if (!TestProvider.IsPostgres)
        {
            return new NewsWireApp(settings: settings, services: services);
        }

        var store = TestStore.Create();
        return new NewsWireApp(Path.Combine(Path.GetTempPath(), $"newswire-unused-{Guid.NewGuid():N}.db"), Merge(store.Settings, settings), services)
        {
            Store = store,
        };
    }

    /// <summary>A second service on this one's articles with settings of its own and a search index folder of its
    /// own (two processes cannot share one: the index's write lock); this app keeps the store.</summary>
    public NewsWireApp Beside(IDictionary<string, string?>? settings = null)
    {
        var index = Directory.CreateTempSubdirectory("newswire-second-index-").FullName;
        var all = Store is { IsPostgres: true } store
            ? Merge(store.Settings, settings)
            : new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all["NewsWire:Search:IndexPath"] = index;
        return new NewsWireApp(DatabasePath, all) { _indexFolder = index };
    }

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string> store, IDictionary<string, string?>? settings)
    {
        var all = store.ToDictionary(s => s.Key, s => (string?)s.Value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>A client that sends the configured API key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_keepDatabase)
        {
            DeleteDatabase(DatabasePath);
        }

        Store?.Dispose();
        if (_indexFolder is not null && Directory.Exists(_indexFolder))
        {
            Directory.Delete(_indexFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-webhooks.lock" })
        {
            File.Delete(path + suffix);
        }

        // The Lucene engine's index folder, beside the database by default. The host may still be disposing
        // (its last commit lands after the factory returns), so the folder is retried for a few seconds.
        var index = Path.ChangeExtension(path, ".index");
        for (var attempt = 0; Directory.Exists(index); attempt++)
        {
            try
            {
                Directory.Delete(index, recursive: true);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }
}
