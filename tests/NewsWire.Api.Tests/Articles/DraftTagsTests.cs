using System.Collections;
using System.Text;
using System.Text.Json;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;

namespace NewsWire.Api.Tests.Articles;

/// <summary>
/// Tags are checked in one pass that stops at the limit, whichever way they come: a JSON array, a comma list in
/// one value, repeated query parameters, feed categories.
/// </summary>
public sealed class DraftTagsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string TooManyMore = $"An article takes at most {ArticleLimits.TagsPerArticle} tags; more were given.";

    [Fact]
    public void A100000TagJsonBodyIsRefusedWithTheCountGiven()
    {
        var json = Body(Enumerable.Range(0, 100_000).Select(i => $"tag{i}"));
        json.Length.Should().BeGreaterThan(900_000, "the body of the report: 100,000 tags in about 989 KB");

        var result = ArticleJson.ToDraft(json, JsonSerializerOptions.Web, Now);

        result.Draft.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new KeyValuePair<string, string[]>(
            "tags", [$"An article takes at most {ArticleLimits.TagsPerArticle} tags; 100,000 were given."]));
    }

    /// <summary>The JSON reader keeps no entry past the limit, so it cannot tell repeats apart there: the array
    /// itself may hold no more entries than an article has tags.</summary>
    [Fact]
    public void AJsonArrayLongerThanTheLimitIsRefusedEvenWhenItsEntriesRepeat()
    {
        var result = ArticleJson.ToDraft(Body(Enumerable.Repeat("oil", ArticleLimits.TagsPerArticle + 1)), JsonSerializerOptions.Web, Now);

        result.Errors["tags"].Should().ContainSingle().Which.Should().Contain("at most 50 tags; 51 were given");
    }

    [Fact]
    public void AJsonArrayAtTheLimitWithRepeatsKeepsEachTagOnce()
    {
        var entries = Enumerable.Range(0, ArticleLimits.TagsPerArticle).Select(i => i % 2 == 0 ? $"tag{i / 2}" : $"TAG{i / 2}");

        var result = ArticleJson.ToDraft(Body(entries), JsonSerializerOptions.Web, Now);

        result.Draft!.Tags.Should().HaveCount(ArticleLimits.TagsPerArticle / 2).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("""[1, "a"]""")]
    [InlineData("""[["a"]]""")]
    [InlineData("""{"a": 1}""")]
    [InlineData("\"a\"")]
    public void ATagsValueThatIsNoListOfStringsHasTheWrongType(string tags)
    {
        var result = ArticleJson.ToDraft(Encoding.UTF8.GetBytes($$"""{"headline": "h", "body": "b", "tags": {{tags}}}"""), JsonSerializerOptions.Web, Now);

        result.Errors["tags"].Should().ContainSingle().Which.Should().EndWith("a value has the wrong type.");
    }

    [Fact]
    public void NullTagsAndNullEntriesAreNoTags() =>
        ArticleJson.ToDraft("""{"headline": "h", "body": "b", "tags": [null, "oil", null]}"""u8, JsonSerializerOptions.Web, Now)
            .Draft!.Tags.Should().Equal("oil");

    /// <summary>Feed categories and query parameters reach the draft as a list: checking stops reading it at the
    /// first tag past the limit.</summary>
    [Fact]
    public void ALongListIsReadOnlyUpToTheFirstTagPastTheLimit()
    {
        var tags = new CountingList(100_000);

        var result = ArticleDrafts.FromInput(new ArticleInput { Headline = "h", Body = "b", Tags = tags }, Now);

        result.Errors["tags"].Should().Equal(TooManyMore);
        tags.Reads.Should().Be(ArticleLimits.TagsPerArticle + 1);
    }

    [Fact]
    public void ACommaListInOneValueIsCutAtTheLimitToo()
    {
        var oneValue = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"tag{i}"));

        var result = ArticleDrafts.FromInput(new ArticleInput { Headline = "h", Body = "b", Tags = [oneValue] }, Now);

        result.Errors["tags"].Should().Equal(TooManyMore);
    }

    [Fact]
    public void ManyOverlongTagsGetAMessageEachOnlyUpToTheLimit()
    {
        var overlong = Enumerable.Range(0, 10_000).Select(i => $"{i}{new string('x', ArticleLimits.Tag)}").ToList();

        var result = ArticleDrafts.FromInput(new ArticleInput { Headline = "h", Body = "b", Tags = overlong }, Now);

        result.Errors["tags"].Should().HaveCount(ArticleLimits.TagsPerArticle + 1).And.EndWith(TooManyMore);
    }

    [Fact]
    public void RepeatsInAnyCaseAndSpacingCountOnceTowardsTheLimit()
    {
        var tags = Enumerable.Range(0, ArticleLimits.TagsPerArticle).SelectMany(i => new[] { $"tag{i}", $" TAG{i} ", $"Tag{i},tag{i}" }).ToList();

        var result = ArticleDrafts.FromInput(new ArticleInput { Headline = "h", Body = "b", Tags = tags }, Now);

        result.Draft!.Tags.Should().HaveCount(ArticleLimits.TagsPerArticle);
        result.Draft.Tags[0].Should().Be("tag0");
    }

    [Fact]
    public void OneDistinctTagPastTheLimitIsRefused()
    {
        var tags = Enumerable.Range(0, ArticleLimits.TagsPerArticle + 1).Select(i => $"tag{i}").ToList();

        ArticleDrafts.FromInput(new ArticleInput { Headline = "h", Body = "b", Tags = tags }, Now)
            .Errors["tags"].Should().Equal(TooManyMore);
    }

    private static byte[] Body(IEnumerable<string> tags) =>
        JsonSerializer.SerializeToUtf8Bytes(new { headline = "Tags", body = "A story.", tags });

    /// <summary>Distinct tags made on demand, counting how many the reader asked for.</summary>
    private sealed class CountingList(int count) : IReadOnlyList<string>
    {
        public int Reads { get; private set; }

        public int Count => count;

        public string this[int index]
        {
            get
            {
                Reads++;
                return $"tag{index}";
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
