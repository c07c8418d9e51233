using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>Queries that cannot run, and the gist of what the user is told.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("\t\r\n", "is empty")]
    [InlineData("\u00A0\u2003", "is empty")]
    [InlineData("-refugees", "only excludes")]
    [InlineData("-refugees -migrants", "only excludes")]
    [InlineData("-\"Islamic State\"", "only excludes")]
    [InlineData("-headline:refugee", "only excludes")]
    [InlineData("-refug* !!!", "only excludes")]
    [InlineData("!!!", "no words to search for")]
    [InlineData("*", "no words to search for")]
    [InlineData("-", "no words to search for")]
    [InlineData("- -", "no words to search for")]
    [InlineData("\"\"", "no words to search for")]
    [InlineData("\"", "no words to search for")]
    [InlineData("( )", "no words to search for")]
    [InlineData(":", "no words to search for")]
    [InlineData("^ + ~ {} [] <>", "no words to search for")]
    [InlineData("\U0001F642\U0001F30D", "no words to search for")]
    [InlineData("\u0000\u0001\u001F", "no words to search for")]
    [InlineData("\uD800", "no words to search for")]
    [InlineData("headline:", "no words to search for")]
    [InlineData("headline:\"\"", "no words to search for")]
    [InlineData("OR !!!", "no words to search for")]
    [InlineData("OR", "OR joins two terms")]
    [InlineData("OR OR", "OR joins two terms")]
    [InlineData("a OR -b", "'-b' is excluded, so it cannot be one side of OR")]
    [InlineData("-a OR b", "'-a' is excluded, so it cannot be one side of OR")]
    [InlineData("x -\"Islamic State\" OR ISIL", "'-\"Islamic State\"' is excluded")]
    public void AQueryThatCannotRunGetsAnErrorSayingWhy(string? q, string expected)
    {
        var parsed = SearchQueryParser.Parse(q);

        parsed.IsValid.Should().BeFalse();
        parsed.Query.Should().BeNull();
        parsed.Error.Should().Contain(expected);
    }

    [Fact]
    public void AQueryOverFiveHundredCharactersIsTooLong()
    {
        var parsed = SearchQueryParser.Parse(new string('a', 501));

        parsed.Error.Should().Be("The query is 501 characters long; the limit is 500 characters.");
    }

    [Fact]
    public void AQueryOfExactlyFiveHundredCharactersIsAccepted()
    {
        SearchQueryParser.Parse(new string('a', 500)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void FiveHundredCharactersOfPunctuationHaveNoWords()
    {
        var punctuation = string.Concat(Enumerable.Repeat("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", 16))[..500];

        SearchQueryParser.Parse(punctuation).Error.Should().Contain("no words to search for");
    }

    [Fact]
    public void TheOnlyExclusionsErrorExplainsThatEverythingExceptCannotBeMatched()
    {
        SearchQueryParser.Parse("-refugees").Error.Should().Contain("cannot list \"everything except\"");
    }

    [Fact]
    public void ALongExcerptInAnOrErrorIsShortened()
    {
        var parsed = SearchQueryParser.Parse("a OR -" + new string('b', 100));

        parsed.Error.Should().Contain("'-" + new string('b', 39) + "…'");
    }
}
