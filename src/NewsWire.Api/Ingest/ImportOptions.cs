namespace NewsWire.Api.Ingest;

/// <summary>Bulk import over HTTP (<c>NewsWire:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "NewsWire:Import";
    public const string MaxBytesSetting = Section + ":MaxBytes";

    /// <summary>The largest upload, compressed or decoded; 1 GiB by default.</summary>
    public long MaxBytes { get; set; } = 1L << 30;
}
