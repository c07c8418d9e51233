using NewsWire.Api.Articles;

namespace NewsWire.Api.Tests.Articles;

/// <summary>The filter's key, which caches of totals are built on, tells apart every two filters that differ.</summary>
public sealed class ArticleFilterTests
{
    private static ArticleFilter Filter(string[]? sources = null, string[]? tags = null, string[]? places = null, string[]? langs = null,
        DateTime? from = null, DateTime? to = null, bool duplicates = false) =>
        new(sources ?? [], tags ?? [], places ?? [], langs ?? [], from, to, duplicates);

    public static TheoryData<string, string> Different() => new()
    {
        { Filter(sources: ["a,b"]).Key(), Filter(sources: ["a", "b"]).Key() },
        { Filter(sources: ["x"]).Key(), Filter(tags: ["x"]).Key() },
        { Filter(places: ["x"]).Key(), Filter(langs: ["x"]).Key() },
        { Filter(sources: ["1:x"]).Key(), Filter(sources: ["1", "x"]).Key() },
        { Filter(from: new DateTime(2015, 9, 18, 0, 0, 0, DateTimeKind.Utc)).Key(), Filter(to: new DateTime(2015, 9, 18, 0, 0, 0, DateTimeKind.Utc)).Key() },
        { Filter().Key(), Filter(duplicates: true).Key() },
    };

    [Theory]
    [MemberData(nameof(Different))]
    public void FiltersThatDifferHaveDifferentKeys(string one, string other) => one.Should().NotBe(other);

    [Fact]
    public void ValuesNameEachSetFilterWithItsField()
    {
        var filter = Filter(sources: ["TASS"], langs: ["en", "ru"]);

        filter.Values.Select(v => $"{v.Field}={string.Join(",", v.Values)}").Should().Equal("Source=TASS", "Lang=en,ru");
    }

    [Fact]
    public void EveryFieldReadsItsOwnValues()
    {
        var filter = Filter(sources: ["s"], tags: ["t"], places: ["p"], langs: ["l"]);

        Enum.GetValues<ValueField>().Select(f => filter.ValuesOf(f).Single())
            .Should().Equal("s", "t", "p", "l");
    }
}
