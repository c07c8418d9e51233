using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsWire.Api.Push;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Bench.Corpus;
using NewsWire.Bench.Report;

namespace NewsWire.Bench.Search;

/// <summary>
/// Matching one new article against many saved searches (issue 13 part 5, ADR 26), in process. The saved
/// searches are drawn with a fixed seed from the Reuters stories the way a desk writes them: topical words
/// (five letters or more, from headlines), as one word, two words, a phrase, an OR, an exclusion, a prefix or a
/// headline scope; a fifth of them with a source, tag or date filter. The new articles are the stories after
/// the first 2,000 (the searches are drawn from those 2,000). Each article is timed from its text to the list of
/// matching searches: indexed alone in memory, then matched through the prefilter. The baseline, in the same
/// run: every saved search run against the article, no prefilter (on fewer articles: it is slow).
/// </summary>
internal static partial class MatcherBench
{
    public static object Run(string corpus, int searchCount, int articleCount, int baselineArticles, int warmup)
    {
        var stories = ReutersStories.Read(corpus).Where(s => s.Body.Length > 0).ToList();
        var random = new Random(13);
        var searches = Draw(stories.Take(2_000).ToList(), searchCount, random);
        var matcher = new SavedSearchMatcher<int>();
        var compiling = Stopwatch.StartNew();
        var compiled = searches.Select(s => SavedSearch.Compile(s.Query, s.Filter)).ToList();
        for (var i = 0; i < compiled.Count; i++)
        {
            matcher.Add(i, compiled[i]);
        }

        compiling.Stop();
        var articles = stories.Skip(2_000).Take(articleCount + warmup).Select((s, i) => ToArticle(i + 1, s)).ToList();
        var (samples, indexSamples, matches) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var (article, i) in articles.Select((a, i) => (a, i)))
        {
            var clock = Stopwatch.StartNew();
            var matchable = MatchableArticle.Index(article);
            var indexed = clock.Elapsed.TotalMilliseconds;
            var matched = matcher.Match(matchable);
            clock.Stop();
            if (i >= warmup)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
                indexSamples.Add(indexed);
                matches.Add(matched.Count);
            }
        }

        var baseline = new List<double>();
        foreach (var article in articles.Skip(warmup).Take(baselineArticles))
        {
            var clock = Stopwatch.StartNew();
            var matchable = MatchableArticle.Index(article);
            _ = compiled.Count(c => c.Matches(matchable));
            baseline.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new
        {
            savedSearches = searchCount,
            articles = samples.Count,
            compileMs = Stats.Round(compiling.Elapsed.TotalMilliseconds),
            medianMs = Stats.Round(Stats.Percentile(samples, 50)),
            p99Ms = Stats.Round(Stats.Percentile(samples, 99)),
            indexMedianMs = Stats.Round(Stats.Percentile(indexSamples, 50)),
            matchesMedian = Stats.Percentile(matches, 50),
            matchesMean = Stats.Round(matches.Average()),
            baseline = new
            {
                what = "every saved search run against the article, no prefilter",
                articles = baseline.Count,
                medianMs = Stats.Round(Stats.Percentile(baseline, 50)),
            },
        };
    }

    private static List<SearchRequest> Draw(List<ReutersStory> stories, int count, Random random)
    {
        var requests = new List<SearchRequest>(count);
        while (requests.Count < count)
        {
            var story = stories[random.Next(stories.Count)];
            var words = Topical().Matches(story.Title).Select(m => m.Value).ToArray();
            var other = Topical().Matches(stories[random.Next(stories.Count)].Title).Select(m => m.Value).FirstOrDefault();
            if (words.Length < 2 || other is null)
            {
                continue;
            }

            var at = random.Next(words.Length - 1);
            var (one, two) = (words[at], words[at + 1]);
            var q = random.Next(8) switch
            {
                0 or 1 => one,
                2 => $"{one} {two}",
                3 => $"\"{one} {two}\"",
                4 => $"{one} OR {other}",
                5 => $"{one} -{other}",
                6 => $"{one[..5]}*",
                _ => $"headline:{one}",
            };
            var parameters = new SearchParameters { Q = q };
            parameters = random.Next(15) switch
            {
                0 => parameters with { Source = ["Reuters"] },
                1 => parameters with { Tag = story.Topics.Take(1).ToArray() },
                2 => parameters with { From = story.PublishedAt().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                _ => parameters,
            };
            if (parameters.ToRequest(new Dictionary<string, string[]>()) is { } request)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    private static IndexedArticle ToArticle(long id, ReutersStory story) => new(
        id, story.Title, null, string.Join("\n\n", story.Paragraphs()), [], story.Place, "Reuters", story.Topics, "en",
        story.PublishedAt(), false);

    [GeneratedRegex(@"\b[A-Za-z]{5,}\b")]
    private static partial Regex Topical();
}
