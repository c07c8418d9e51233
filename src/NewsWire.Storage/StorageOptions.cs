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

    public const string ReadStalenessSetting = "NewsWire:ReadStalenessMs";

    /// <summary>
    /// How old, in milliseconds, the change-log head an instance keys its cached answers by may be (ADR 21). 0, the
    /// default, reads it for every request: a read reflects every write acknowledged before it, on any instance.
    /// More trades that for fewer round trips: an answer may then miss another instance's writes of that long ago.
    /// SQLite reads its head for free and ignores this.
    /// </summary>
    [Range(0, 60_000)]
    public int ReadStalenessMs { get; set; }

    /// <summary>The provider's connection string; SQLite defaults to <c>newswire.db</c> in the working folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
