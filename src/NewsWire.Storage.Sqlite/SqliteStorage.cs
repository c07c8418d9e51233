using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsWire.Storage.Sqlite;

/// <summary>The SQLite provider's registration: the model on SQLite, its migrations (this assembly), and its
/// answers to the storage seams (ADR 19).</summary>
public static class SqliteStorage
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<NewsWireDb>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<IDatabaseVersion>(_ => new SqliteDatabaseVersion(connectionString));
        services.AddSingleton<IArticleWrites, SqliteWrites>();
        services.AddScoped<IChangeLog, ChangeLog>();
        services.AddSingleton<IDatabaseMigrator, SqliteMigrator>();
        services.AddSingleton<IWebhookLocks>(_ => new SqliteWebhookLocks(connectionString));
        return services;
    }

    /// <summary>Why a connection string cannot be SQLite's, or null when it can.</summary>
    public static string? Check(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:{StorageOptions.ConnectionStringName} is not a SQLite connection string ({e.Message}).";
        }
    }

    /// <summary>The database file a connection string points at, for messages and tests; null for :memory:.</summary>
    public static string? DataSourcePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }
}
