using System.Collections.Concurrent;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// How many articles hold each word, as counted for related stories, kept until the database changes
/// (the same version as every cache here, ADR 9), so each answer is what a fresh count would give. Most
/// of the counting is of the words many stories share, and those are the same words story after story.
/// </summary>
public sealed class DocumentFrequencies(IDatabaseVersion version)
{
    private const int MaxWords = 200_000;
    private Counts _current = new(long.MinValue, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));

    private sealed record Counts(long Version, ConcurrentDictionary<string, long> ByWord);

    /// <summary>The counts of the current version, to read and to add to.</summary>
    public ConcurrentDictionary<string, long> Current()
    {
        // The version is read before any counting, so a count stored under it is never older than it.
        var now = version.Current();
        var counts = Volatile.Read(ref _current);
        if (counts.Version != now || counts.ByWord.Count > MaxWords)
        {
            counts = new Counts(now, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
            Volatile.Write(ref _current, counts);
        }

        return counts.ByWord;
    }
}
