namespace NewsWire.Storage;

/// <summary>
/// A provider's start-up: bring the schema forward and, on a database no migration had touched, run the seed,
/// once. Each provider knows what "once" takes on its engine.
/// </summary>
public interface IDatabaseMigrator
{
    /// <returns>Whether the database was fresh (and so seeded).</returns>
    Task<bool> MigrateAsync(NewsWireDb db, Func<CancellationToken, Task> seedFresh, CancellationToken cancellationToken);
}
