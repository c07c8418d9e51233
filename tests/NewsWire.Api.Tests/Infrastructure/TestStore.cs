using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NewsWire.Api.Tests.Postgres;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// Where a test's service keeps its articles, on the provider the run tests (<see cref="TestProvider"/>): a SQLite
/// file, or a PostgreSQL database of its own with a search index folder (the Lucene engine needs one there). It
/// outlives the services started on it, so a test can kill a service and start another on the same articles, and
/// it is removed when disposed.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly string? _indexFolder;

    private TestStore(string? sqlitePath, string? postgres)
    {
        SqlitePath = sqlitePath;
        PostgresConnectionString = postgres;
        if (postgres is not null)
        {
            _indexFolder = Directory.CreateTempSubdirectory("newswire-pg-index-").FullName;
        }
    }

    /// <summary>A new, empty store on the run's provider; <paramref name="name"/> only names the SQLite file.</summary>
    public static TestStore Create(string name = "store") => TestProvider.IsPostgres
        ? new TestStore(null, PostgresServer.CreateDatabase(migrated: true))
        : new TestStore(Path.Combine(Path.GetTempPath(), $"newswire-{name}-{Guid.NewGuid():N}.db"), null);

    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    public string? PostgresConnectionString { get; }

    /// <summary>The settings that put a service on this store, in configuration's key form (<c>A:B</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings => IsPostgres
        ? new Dictionary<string, string>
        {
            ["NewsWire:Provider"] = "Postgres",
            ["ConnectionStrings:NewsWire"] = PostgresConnectionString!,
            ["NewsWire:Search:IndexPath"] = _indexFolder!,
        }
        : new Dictionary<string, string> { ["ConnectionStrings:NewsWire"] = $"Data Source={SqlitePath}" };

    /// <summary>The same settings as environment variables (<c>A__B</c>), as an operator starts a process.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>A connection of the test's own to the store, beside the running service, unpooled.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={SqlitePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A table or column name as the store's SQL writes it (the schema's names are quoted on PostgreSQL).</summary>
    public string Name(string identifier) => IsPostgres ? $"\"{identifier}\"" : identifier;

    public void Dispose()
    {
        if (IsPostgres)
        {
            PostgresServer.DropDatabase(PostgresConnectionString!);
            for (var attempt = 0; Directory.Exists(_indexFolder); attempt++)
            {
                try
                {
                    Directory.Delete(_indexFolder!, recursive: true);
                }
                catch (IOException) when (attempt < 50)
                {
                    Thread.Sleep(100);
                }
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            NewsWireApp.DeleteDatabase(SqlitePath!);
        }
    }
}
