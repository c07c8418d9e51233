using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsWire.Api.Data;

public static class StorageExtensions
{
    public const string ConnectionStringName = "NewsWire";
    private const string DefaultConnectionString = "Data Source=newswire.db";

    /// <summary>
    /// Registers the database. SQLite is the only provider today; a second one (PostgreSQL) slots in here,
    /// chosen by configuration, with its own migrations assembly.
    /// </summary>
    public static IServiceCollection AddNewsWireStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;
        services.AddDbContextPool<NewsWireDb>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<IDatabaseVersion>(_ => new SqliteDatabaseVersion(connectionString));
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    /// <summary>The database file a connection string points at, for messages and tests; null for :memory:.</summary>
    public static string? DataSourcePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }
}
