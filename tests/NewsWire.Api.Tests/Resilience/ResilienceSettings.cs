using System.Globalization;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// How long and how much the resilience tests run. The defaults keep `dotnet test` to seconds; bench/resilience.sh
/// sets the environment variables for the long versions (30 s of load, 10,000 hostile searches, 600 searches past
/// the budget, a bigger import, more generated feeds, a 100 MB hostile attribute, a feed of 100,000 items and one of
/// 400 near the article limit).
/// </summary>
public static class ResilienceSettings
{
    /// <summary>How long the writers and readers run at once.</summary>
    public static TimeSpan LoadDuration { get; } = TimeSpan.FromSeconds(Number("NEWSWIRE_RESILIENCE_SECONDS", 3));

    /// <summary>How many generated search strings go through HTTP.</summary>
    public static int HostileSearches { get; } = Number("NEWSWIRE_HOSTILE_SEARCHES", 1000);

    /// <summary>How many searches past the budget (too broad a prefix, too many prefixes, too slow) go through HTTP at once.</summary>
    public static int BroadSearches { get; } = Number("NEWSWIRE_BROAD_SEARCHES", 60);

    /// <summary>How many generated feeds are imported and checked entry by entry.</summary>
    public static int GeneratedFeeds { get; } = Number("NEWSWIRE_GENERATED_FEEDS", 25);

    /// <summary>The size of the hostile attribute in the feed whose import must not raise the service's memory.</summary>
    public static int FeedAttributeMegabytes { get; } = Number("NEWSWIRE_FEED_ATTRIBUTE_MB", 8);

    /// <summary>How many items the large feed of the memory check has (about 1.2 KB each).</summary>
    public static int LargeFeedItems { get; } = Number("NEWSWIRE_LARGE_FEED_ITEMS", 5_000);

    /// <summary>How many items of nearly a million characters each the long feed of the memory check has.</summary>
    public static int LongFeedItems { get; } = Number("NEWSWIRE_LONG_FEED_ITEMS", 24);

    /// <summary>How many import batches commit before the service is killed.</summary>
    public static int CrashAfterBatches { get; } = Number("NEWSWIRE_CRASH_AFTER_BATCHES", 2);

    /// <summary>Seed of every generator, so a failure can be replayed; bench/resilience.sh varies it.</summary>
    public static int Seed { get; } = Number("NEWSWIRE_RESILIENCE_SEED", 20261129);

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
