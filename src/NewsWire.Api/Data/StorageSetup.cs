using Microsoft.Extensions.Options;
using NewsWire.Storage.Postgres;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Data;

/// <summary>
/// The one place a storage provider is chosen (<c>NewsWire:Provider</c>, ADR 19). Everything outside the
/// provider's project (and its search engine's folder) sees only the model and the seams: the writer, the
/// database version and the start-up migration.
/// </summary>
public static class StorageSetup
{
    public static IServiceCollection AddNewsWireStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // The provider decides what is registered, so it is read here; the same values are then the options
        // every other part of the service sees, and they are checked again when the host starts.
        var storage = Read(configuration);
        services.AddOptions<StorageOptions>()
            .Configure(options =>
            {
                options.Provider = storage.Provider;
                options.ConnectionString = storage.ConnectionString;
                options.ReadStalenessMs = storage.ReadStalenessMs;
            })
            .ValidateDataAnnotations()
            .Validate(o => Check(o) is null, Check(storage) ?? "The storage settings are not valid.")
            .ValidateOnStart();

        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddSqliteStorage(storage.ConnectionString);
                break;
            case StorageProvider.Postgres:
                services.AddPostgresStorage(storage.ConnectionString, TimeSpan.FromMilliseconds(storage.ReadStalenessMs));
                break;
        }

        services.AddHostedService<DatabaseStartup>();
        services.AddOptions<ChangeLogOptions>().BindConfiguration(ChangeLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ChangeLogCompaction>();
        return services;
    }

    private static StorageOptions Read(IConfiguration configuration)
    {
        var provider = configuration[StorageOptions.ProviderSetting];
        if (provider is not null && (!Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _) || !char.IsLetter(provider.Trim()[0])))
        {
            throw new OptionsValidationException(StorageOptions.ProviderSetting, typeof(StorageOptions),
                [$"{StorageOptions.ProviderSetting} is '{provider}'; use one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}."]);
        }

        return new StorageOptions
        {
            ReadStalenessMs = configuration.GetValue<int>(StorageOptions.ReadStalenessSetting),
            Provider = provider is null ? StorageProvider.Sqlite : Enum.Parse<StorageProvider>(provider, ignoreCase: true),
            // SQLite has a default file; PostgreSQL has no default server, and the check below says so.
            ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) is { Length: > 0 } connectionString
                ? connectionString
                : provider is null || provider.Equals(nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase)
                    ? StorageOptions.DefaultSqliteConnectionString
                    : "",
        };
    }

    private static string? Check(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => SqliteStorage.Check(options.ConnectionString),
        StorageProvider.Postgres => PostgresStorage.Check(options.ConnectionString),
    };
}
