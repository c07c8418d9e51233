using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>The PostgreSQL provider's registration: the model on Npgsql, its migrations (this assembly), and its
/// answers to the storage seams (ADR 19).</summary>
public static class PostgresStorage
{
    /// <summary>The advisory-lock keys NewsWire takes: one for writers (commit order, ADR 20), one for start-up, one for the webhook dispatcher.</summary>
    internal const long WriteLock = 0x4E57_0001; // "NW" 1
    internal const long StartupLock = 0x4E57_0002;
    internal const long DispatchLock = 0x4E57_0003; // the webhook dispatcher's lease (ADR 27, 31)

    /// <summary>Registers the model on PostgreSQL and the provider's seams.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">Npgsql's connection string (Host=...;Database=...;Username=...).</param>
    /// <param name="staleness">How old the head cached answers are keyed by may be; zero reads it every time (ADR 21).</param>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString, TimeSpan staleness)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The writer and the reads repeat a few dozen statements: prepared on the server once per connection,
        // they skip parsing and planning (unless the operator chose otherwise).
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        var dataSource = builder.Build();
        services.AddSingleton(dataSource);
        services.AddDbContextPool<NewsWireDb>(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name)));
        services.AddSingleton<IDatabaseVersion>(_ => new PostgresDatabaseVersion(dataSource, staleness, TimeProvider.System));
        services.AddSingleton<IArticleWrites, PostgresWrites>();
        services.AddScoped<IChangeLog, ChangeLog>();
        services.AddSingleton<IDatabaseMigrator, PostgresMigrator>();
        services.AddSingleton<IWebhookLocks, PostgresWebhookLocks>();
        return services;
    }

    /// <summary>Why a connection string cannot be PostgreSQL's, or null when it can.</summary>
    public static string? Check(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? $"ConnectionStrings:{StorageOptions.ConnectionStringName} names no Host; give a PostgreSQL connection string (Host=...;Database=...;Username=...)."
                : null;
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:{StorageOptions.ConnectionStringName} is not a PostgreSQL connection string ({e.Message}).";
        }
    }
}
