using System.ComponentModel.DataAnnotations;

namespace NewsWire.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where articles are stored: <c>NewsWire:Provider</c> and the connection string <c>ConnectionStrings:NewsWire</c>,
/// bound once and checked when the service (or the import command) starts.
/// </summary>
public sealed class StorageOptions
{
    public const string ProviderSetting = "NewsWire:Provider";
    public const string ConnectionStringName = "NewsWire";
    public const string DefaultSqliteConnectionString = "Data Source=newswire.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The provider's connection string; SQLite defaults to <c>newswire.db</c> in the working folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
