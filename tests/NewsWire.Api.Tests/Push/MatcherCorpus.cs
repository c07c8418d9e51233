using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Search.Lucene;

namespace NewsWire.Api.Tests.Push;

/// <summary>
/// The engine tests' articles and, where ../shared holds it, 400 Reuters-21578 stories (every tenth one marked a
/// near-duplicate), indexed by the Lucene engine; and a few hundred searches drawn from their words with a
/// fixed seed: words, pairs, phrases, OR, exclusions, prefixes, scopes, each with or without listing filters.
/// </summary>
public sealed partial class MatcherCorpus : IDisposable
{
    private readonly LuceneCorpusIndex _index = new();

    public MatcherCorpus()
    {
        Articles = [.. SearchCorpus.Articles, .. Reuters(SearchCorpus.Articles.Count + 1)];
        _index.Index.Upsert(Articles.Skip(SearchCorpus.Articles.Count));
        _index.Index.Commit(Articles.Count);
        _index.Index.Refresh();
        Engine = new LuceneSearchEngine(_index.Index, new LuceneSearchOptions { MaxWordsPerPrefix = int.MaxValue });
        // A drawn search the parser refuses (a word that is also its exclusion) is left out; the handwritten ones all parse.
        Searches = [.. Handwritten, .. Drawn(new Random(26)).Where(s => s.ToRequest(new Dictionary<string, string[]>()) is not null)];
    }

    public IReadOnlyList<IndexedArticle> Articles { get; }

    public LuceneSearchEngine Engine { get; }

    /// <summary>Each search as the endpoint receives it.</summary>
    public IReadOnlyList<SearchParameters> Searches { get; }

    public SearchRequest Request(SearchParameters parameters)
    {
        var errors = new Dictionary<string, string[]>();
        var request = parameters.ToRequest(errors) ?? throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
        return request with { Limit = Articles.Count };
    }

    public void Dispose() => _index.Dispose();

    private static readonly SearchParameters[] Handwritten =
    [
        new() { Q = "refugees" },
        new() { Q = "refugee" },
        new() { Q = "\"Islamic State\"" },
        new() { Q = "\"Islamic St\"*" },
        new() { Q = "recruit*" },
        new() { Q = "SCO -Damascus" },
        new() { Q = "headline:refugee" },
        new() { Q = "place:tashkent" },
        new() { Q = "body:Smirnov" },
        new() { Q = "zurich" },
        new() { Q = "беженц*" },
        new() { Q = "Assad OR Putin OR refugees" },
        new() { Q = "refugees", IncludeDuplicates = "true" },
        new() { Q = "refugees", Source = ["ap"] },
        new() { Q = "cocoa", Source = ["Reuters"], Tag = ["softs"] },
        new() { Q = "refugees", Lang = ["ru"] },
        new() { Q = "refugees", From = "2026-02-10", To = "2026-02-11", IncludeDuplicates = "true" },
        new() { Q = "grain", From = "2025-03-03T00:00:00Z" },
        new() { Q = "wheat", Place = ["chicago", "Kansas City"] },
        new() { Q = "said -oil -grain" },
        new() { Q = "oil OR crude", To = "1987-03-01" },
    ];

    private IEnumerable<SearchParameters> Drawn(Random random)
    {
        var texts = Articles.Select(a => (Words: Words().Matches(a.Headline + " " + a.Body).Select(m => m.Value).ToArray(), Article: a))
            .Where(t => t.Words.Length >= 4).ToArray();
        for (var i = 0; i < 300; i++)
        {
            var (words, article) = texts[random.Next(texts.Length)];
            var at = random.Next(words.Length - 1);
            var (one, two, other) = (words[at], words[at + 1], texts[random.Next(texts.Length)].Words[0]);
            var q = (i % 9) switch
            {
                0 => one,
                1 => $"{one} {other}",
                2 => $"\"{one} {two}\"",
                3 => $"{one} OR {other}",
                4 => $"{one} -{two}",
                5 => one.Length > 4 ? $"{one[..4]}*" : $"{one}*",
                6 => $"headline:{one}",
                7 => $"\"{one} {(two.Length > 3 ? two[..3] : two)}\"*",
                _ => $"{one} {two} OR {other}",
            };
            var search = new SearchParameters { Q = q };
            yield return (i % 5) switch
            {
                0 => search with { Source = [article.Source ?? "Reuters"] },
                1 => search with { Tag = article.Tags.Take(1).ToArray() },
                2 => search with { From = article.PublishedAt.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To = article.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                3 => search with { IncludeDuplicates = "true" },
                _ => search,
            };
        }
    }

    private static IEnumerable<IndexedArticle> Reuters(int firstId)
    {
        if (SharedCorpus.ReutersPath is null)
        {
            return [];
        }

        return SharedCorpus.ReutersAsNdjson().Take(400).Select((line, i) =>
        {
            var story = JsonDocument.Parse(line).RootElement;
            return new IndexedArticle(firstId + i, story.GetProperty("headline").GetString()!, null, story.GetProperty("body").GetString()!, [],
                story.GetProperty("place").GetString(), "Reuters", story.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList(), "en",
                DateTime.Parse(story.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), i % 10 == 9);
        });
    }

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Words();
}
