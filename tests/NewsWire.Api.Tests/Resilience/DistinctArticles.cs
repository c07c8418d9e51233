using System.Text;
using System.Text.Json;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Articles that are all distinct and valid and none a near-duplicate of another: each body is sixty words
/// drawn at random from a vocabulary of a few thousand made-up words, so two bodies share almost no
/// three-word shingles. Every body carries <paramref name="mark"/>, a word found nowhere else, so one search
/// counts exactly the articles of a run.
/// </summary>
public sealed class DistinctArticles(string mark, int seed)
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ter", "van", "su", "pe", "dor", "ri", "na", "bel", "ux", "zo", "gra", "fen", "tu"];
    private static readonly string[] Vocabulary = BuildVocabulary();

    public string Mark => mark;

    public object Input(int number, string prefix = "story") => new
    {
        headline = Headline(number, prefix),
        body = Body(number, prefix),
        source = "Resilience",
        place = "Testville",
        publishedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(number).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        tags = new[] { "resilience" },
        externalId = $"{prefix}-{number}",
    };

    public string Headline(int number, string prefix = "story") => $"{mark} {prefix} {number}";

    /// <summary>Three paragraphs of twenty words; the same for the same number and prefix.</summary>
    public string Body(int number, string prefix = "story")
    {
        var random = new Random(HashCode.Combine(seed, number, prefix));
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < 3; paragraph++)
        {
            body.Append(paragraph == 0 ? mark + " " : "\n\n");
            for (var word = 0; word < 20; word++)
            {
                body.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(word == 19 ? "." : " ");
            }
        }

        return body.ToString();
    }

    public string NdjsonLine(int number, string prefix) => JsonSerializer.Serialize(Input(number, prefix));

    /// <summary>A made-up word that no real text holds, in lower-case letters (one FTS5 token).</summary>
    public static string NewMark(Random random) =>
        "zq" + new string(Enumerable.Range(0, 10).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private static string[] BuildVocabulary()
    {
        var words = new List<string>();
        foreach (var a in Syllables)
        {
            foreach (var b in Syllables)
            {
                foreach (var c in Syllables.Take(12))
                {
                    words.Add(a + b + c);
                }
            }
        }

        return [.. words];
    }
}
