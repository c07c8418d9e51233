using NewsWire.Api.Articles;
using NewsWire.Api.Push;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.Search;

namespace NewsWire.Api.Tests.Push;

/// <summary>The matcher's own bookkeeping and the filters' edges, on single articles.</summary>
public sealed class SavedSearchMatcherTests
{
    private static readonly IndexedArticle Refugees = new(1, "Refugees cross into Turkey", "Officials counted thousands.",
        "Thousands of refugees crossed the border on Tuesday.", ["Border towns"], "Ankara", "AP", ["refugees", "Turkey"], "en",
        new DateTime(2026, 2, 10, 12, 0, 0, DateTimeKind.Utc), false);

    [Theory]
    [InlineData("refugee", true)]
    [InlineData("REFUGEES turkey", true)]
    [InlineData("\"border towns\"", true)]
    [InlineData("\"border on\"", true)]
    [InlineData("\"tuesday border\"", false)]
    [InlineData("lead:thousands", true)]
    [InlineData("headline:thousands", false)]
    [InlineData("place:ankara", true)]
    [InlineData("cross* -syria", true)]
    [InlineData("refugees -tuesday", false)]
    [InlineData("syria OR turkey", true)]
    [InlineData("syria OR damascus", false)]
    public void ASavedSearchMatchesWhatSearchWouldFind(string q, bool matches)
    {
        Compile(q).Matches(MatchableArticle.Index(Refugees)).Should().Be(matches);
    }

    [Fact]
    public void FiltersApplyAsInSearchCaseAndTheUpperBoundIncluded()
    {
        var article = MatchableArticle.Index(Refugees);
        var day = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);

        Compile("refugees", Filter() with { Sources = ["ap"], Tags = ["TURKEY"] }).Matches(article).Should().BeTrue();
        Compile("refugees", Filter() with { Sources = ["Reuters"] }).Matches(article).Should().BeFalse();
        Compile("refugees", Filter() with { Langs = ["ru"] }).Matches(article).Should().BeFalse();
        Compile("refugees", Filter() with { From = day, ToExclusive = day.AddDays(1) }).Matches(article).Should().BeTrue();
        Compile("refugees", Filter() with { ToExclusive = Refugees.PublishedAt }).Matches(article).Should().BeFalse();
        Compile("refugees", Filter() with { From = Refugees.PublishedAt }).Matches(article).Should().BeTrue();
        Compile("refugees", Filter() with { From = Refugees.PublishedAt.AddTicks(1) }).Matches(article).Should().BeFalse();
    }

    [Fact]
    public void AHiddenNearDuplicateMatchesOnlyASearchThatIncludesDuplicates()
    {
        var repeat = MatchableArticle.Index(Refugees with { IsDuplicate = true });

        Compile("refugees").Matches(repeat).Should().BeFalse();
        Compile("refugees", Filter() with { IncludeDuplicates = true }).Matches(repeat).Should().BeTrue();
    }

    [Fact]
    public void TheMatcherAnswersTheKeysOfMatchingSearchesAndForgetsRemovedOnes()
    {
        var matcher = new SavedSearchMatcher<string>();
        matcher.Add("refugees", Compile("refugees"));
        matcher.Add("prefix", Compile("turk*"));
        matcher.Add("phrase", Compile("\"crossed the border\""));
        matcher.Add("other", Compile("cocoa"));
        matcher.Add("either", Compile("cocoa OR ankara"));
        var article = MatchableArticle.Index(Refugees);

        matcher.Match(article).Should().BeEquivalentTo("refugees", "prefix", "phrase", "either");

        matcher.Remove("prefix").Should().BeTrue();
        matcher.Remove("prefix").Should().BeFalse();
        matcher.Add("refugees", Compile("cocoa"));
        matcher.Match(article).Should().BeEquivalentTo("phrase", "either");
        matcher.Count.Should().Be(4);
    }

    private static ArticleFilter Filter() => ArticleFilter.None;

    private static SavedSearch Compile(string q, ArticleFilter? filter = null) =>
        SavedSearch.Compile(SearchQueryParser.Parse(q).Query!, filter ?? Filter());
}
