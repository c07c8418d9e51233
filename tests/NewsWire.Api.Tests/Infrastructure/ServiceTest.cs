namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// A test class with its own service and database (xunit makes one instance per test, so one database per
/// test), a reader and a writer holding the API key.
/// </summary>
public abstract class ServiceTest : IAsyncLifetime
{
    private HttpClient? _reader;
    private HttpClient? _writer;

    protected ServiceTest() : this(null)
    {
    }

    /// <param name="settings">Configuration for the service, e.g. another search engine.</param>
    protected ServiceTest(IDictionary<string, string?>? settings)
    {
        if (TestProvider.IsPostgres)
        {
            _database = new Postgres.PostgresDatabase(migrated: true);
            App = _database.Instance(settings);
        }
        else
        {
            App = new NewsWireApp(settings: settings);
        }
    }

    private readonly Postgres.PostgresDatabase? _database;

    protected NewsWireApp App { get; }

    protected HttpClient Reader => _reader ??= App.CreateClient();

    protected HttpClient Writer => _writer ??= App.CreateWriter();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
