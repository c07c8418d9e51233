namespace NewsWire.Storage;

/// <summary>
/// A number that changes whenever a write to the articles commits: this service's writes, an import,
/// another process on the same store. Cached answers are keyed by it, so none outlives a change (ADR 9).
/// It is the change log's head on every provider (ADR 20): SQLite reads the head again only when its
/// data_version says another connection committed; PostgreSQL reads it from the server (ADR 21).
/// </summary>
public interface IDatabaseVersion
{
    /// <summary>
    /// The version as of a reading that began after this call did, so it reflects every write acknowledged
    /// before the call (read-your-writes, ADR 21), unless the operator allowed staleness. Asynchronous because
    /// on a server it is a round trip, which a request awaits rather than blocks a thread on (ADR 30).
    /// </summary>
    /// <param name="cancellationToken">The caller giving up; a reading shared with others goes on for them.</param>
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);
}
