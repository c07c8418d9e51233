using System.Text.Json;

namespace NewsWire.Api.Tests.Relevance;

/// <summary>A topic, the words a user would type for it, and the half of the set it belongs to.</summary>
public sealed record Judgment(string Topic, string Query, string Half);

/// <summary>
/// The judgment set in judgments.json (its "about" says how it was built): Reuters topics with the query a
/// user would type, split into a half that weights may be tuned on and a half that is held out.
/// </summary>
public static class Judgments
{
    public const string Tune = "tune";
    public const string HeldOut = "heldOut";

    public static int Cutoff { get; }

    public static IReadOnlyList<Judgment> All { get; }

    static Judgments()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Relevance", "judgments.json"));
        var set = JsonSerializer.Deserialize<Set>(file, JsonSerializerOptions.Web)!;
        Cutoff = set.Cutoff;
        All = [.. set.Tune.Select(e => new Judgment(e.Topic, e.Query, Tune)), .. set.HeldOut.Select(e => new Judgment(e.Topic, e.Query, HeldOut))];
    }

    private sealed record Set(int Cutoff, Entry[] Tune, Entry[] HeldOut);

    private sealed record Entry(string Topic, string Query);
}
