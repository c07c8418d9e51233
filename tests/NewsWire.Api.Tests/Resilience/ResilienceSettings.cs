using System.Globalization;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// How long and how much the resilience tests run. The defaults keep `dotnet test` to seconds; bench/resilience.sh
/// sets the environment variables for the long versions (30 s of load, 10,000 hostile searches, 600 searches past
/// the budget, a bigger import).
/// </summary>
public static class ResilienceSettings
{
    /// <summary>How long the writers and readers run at once.</summary>
    public static TimeSpan LoadDuration { get; } = TimeSpan.FromSeconds(Number("NEWSWIRE_RESILIENCE_SECONDS", 3));

    /// <summary>How many generated search strings go through HTTP.</summary>
    public static int HostileSearches { get; } = Number("NEWSWIRE_HOSTILE_SEARCHES", 1000);

    /// <summary>How many searches past the budget (too broad a prefix, too many prefixes, too slow) go through HTTP at once.</summary>
    public static int BroadSearches { get; } = Number("NEWSWIRE_BROAD_SEARCHES", 60);

    /// <summary>How many import batches commit before the service is killed.</summary>
    public static int CrashAfterBatches { get; } = Number("NEWSWIRE_CRASH_AFTER_BATCHES", 2);

    /// <summary>Seed of every generator, so a failure can be replayed; bench/resilience.sh varies it.</summary>
    public static int Seed { get; } = Number("NEWSWIRE_RESILIENCE_SEED", 20261129);

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
