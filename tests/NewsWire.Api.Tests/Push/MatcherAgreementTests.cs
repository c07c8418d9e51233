using NewsWire.Api.Push;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Push;

/// <summary>
/// The matcher answers "would search list this article?" exactly: for every article of <see cref="MatcherCorpus"/>
/// and every one of its searches, a saved search matches the article alone in memory if and only if the Lucene
/// engine finds it among the search's results over the whole index; alone and through the prefiltering matcher.
/// </summary>
public sealed class MatcherAgreementTests(MatcherCorpus corpus) : IClassFixture<MatcherCorpus>
{
    [Fact]
    public void EachSavedSearchMatchesExactlyTheArticlesSearchFinds()
    {
        var articles = corpus.Articles.Select(MatchableArticle.Index).ToList();
        var disagreements = new List<string>();
        var matchedSomething = 0;
        foreach (var parameters in corpus.Searches)
        {
            var request = corpus.Request(parameters);
            var found = corpus.Engine.Search(request).Hits.Select(h => h.Id).ToHashSet();
            var saved = SavedSearch.Compile(request.Query, request.Filter);
            var matched = articles.Where(saved.Matches).Select(a => a.Article.Id).ToHashSet();
            if (!matched.SetEquals(found))
            {
                disagreements.Add($"{Describe(parameters)}: search {found.Count}, matcher {matched.Count}");
            }

            matchedSomething += found.Count > 0 ? 1 : 0;
        }

        disagreements.Should().BeEmpty();
        matchedSomething.Should().BeGreaterThan(corpus.Searches.Count / 2, "most drawn searches find their own article");
        matchedSomething.Should().BeLessThan(corpus.Searches.Count, "some searches find nothing");
    }

    [Fact]
    public void ThePrefilteringMatcherAnswersAsEverySearchRunAlone()
    {
        var matcher = new SavedSearchMatcher<int>();
        var saved = corpus.Searches.Select(p => corpus.Request(p)).Select(r => SavedSearch.Compile(r.Query, r.Filter)).ToList();
        for (var i = 0; i < saved.Count; i++)
        {
            matcher.Add(i, saved[i]);
        }

        foreach (var article in corpus.Articles.Select(MatchableArticle.Index))
        {
            var expected = Enumerable.Range(0, saved.Count).Where(i => saved[i].Matches(article));
            matcher.Match(article).Should().BeEquivalentTo(expected, $"article {article.Article.Id} ({article.Article.Headline})");
        }
    }

    [Fact]
    public void TheTextPrefilterPassesEveryArticleASearchMatches()
    {
        var (missed, _, _) = Prefilter();

        missed.Should().BeEmpty("an article the prefilter stops must match no search");
    }

    /// <summary>Measured on the Reuters stories: the engine tests' articles alone are a handful of stories on one
    /// subject, which share most of their words, so a prefilter passes most of them rightly.</summary>
    [ReutersCorpusFact]
    public void TheTextPrefilterStopsMostArticlesOfOtherSubjects()
    {
        var (_, pairs, passed) = Prefilter();

        passed.Should().BeLessThan(pairs / 4, "most articles hold none of a search's anchor words");
    }

    /// <summary>Every search alone against every article: the pairs its prefilter stopped although the search
    /// matches, how many pairs there were, and how many passed the prefilter.</summary>
    private (List<string> Missed, int Pairs, int Passed) Prefilter()
    {
        var articles = corpus.Articles.Select(a => (Values: MatchableArticle.TextValues(a).ToList(), Matchable: MatchableArticle.Index(a))).ToList();
        var missed = new List<string>();
        var (pairs, passed) = (0, 0);
        foreach (var parameters in corpus.Searches)
        {
            var request = corpus.Request(parameters);
            var saved = SavedSearch.Compile(request.Query, request.Filter);
            var alone = new SavedSearchMatcher<int>();
            alone.Add(0, saved);
            foreach (var (values, matchable) in articles)
            {
                var may = alone.MayMatchAny(values);
                if (!may && saved.Matches(matchable))
                {
                    missed.Add($"{Describe(parameters)}: article {matchable.Article.Id}");
                }

                pairs++;
                passed += may ? 1 : 0;
            }
        }

        return (missed, pairs, passed);
    }

    [Fact]
    public void TheTextPrefilterPassesNothingWhenNoSearchIsSaved()
    {
        var article = corpus.Articles[0];
        var matcher = new SavedSearchMatcher<int>();
        matcher.MayMatchAny(MatchableArticle.TextValues(article)).Should().BeFalse("no search, no match");

        var word = System.Text.RegularExpressions.Regex.Matches(article.Headline, "[A-Za-z]{4,}").Select(m => m.Value).MaxBy(w => w.Length)!;
        var request = corpus.Request(new SearchParameters { Q = word });
        matcher.Add(1, SavedSearch.Compile(request.Query, request.Filter));
        matcher.MayMatchAny(MatchableArticle.TextValues(article)).Should().BeTrue($"the headline holds '{word}'");
        matcher.Remove(1);
        matcher.MayMatchAny(MatchableArticle.TextValues(article)).Should().BeFalse();
    }

    private static string Describe(SearchParameters p) =>
        $"q={p.Q} source={string.Join('|', p.Source ?? [])} tag={string.Join('|', p.Tag ?? [])} place={string.Join('|', p.Place ?? [])} " +
        $"lang={string.Join('|', p.Lang ?? [])} from={p.From} to={p.To} includeDuplicates={p.IncludeDuplicates}";
}
