namespace NewsWire.Storage;

/// <summary>
/// A number that changes whenever anything commits to the database: this service's writes, an import,
/// another process on the same store. Cached answers are keyed by it, so none outlives a change (ADR 9).
/// Each provider has its own (SQLite: the data_version the engine keeps per file).
/// </summary>
public interface IDatabaseVersion
{
    long Current();
}
