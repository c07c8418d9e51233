using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>The typed query the parser builds, independent of any renderer.</summary>
public sealed class QueryModelTests
{
    [Fact]
    public void TheParserBuildsClausesOfTermsWithTheirKindsScopesAndExclusions()
    {
        var query = SearchQueryParser.Parse("\"Islamic State\" headline:refug* U.S. -Assad SCO OR ШОС").Query!;

        query.Should().Be(new SearchQuery(
        [
            SearchClause.Of(new SearchTerm(["Islamic", "State"])),
            SearchClause.Of(new SearchTerm(["refug"], IsPrefix: true, SearchColumn.Headline)),
            SearchClause.Of(new SearchTerm(["U", "S"])),
            SearchClause.Of(SearchTerm.Word("Assad"), isExcluded: true),
            new SearchClause([SearchTerm.Word("SCO"), SearchTerm.Word("ШОС")]),
        ]));
        query.Clauses.SelectMany(c => c.Alternatives).Select(t => t.Kind).Should().Equal(
            TermKind.Phrase, TermKind.Prefix, TermKind.Phrase, TermKind.Word, TermKind.Word, TermKind.Word);
        query.Required.Should().HaveCount(4);
        query.Excluded.Should().ContainSingle();
    }

    [Theory]
    [InlineData("refugees", new string[0])]
    [InlineData("refug* Europ*", new[] { "refug*", "Europ*" })]
    [InlineData("w* w*", new[] { "w*", "w*" })]
    [InlineData("oil OR gas* -wheat*", new[] { "gas*", "wheat*" })]
    [InlineData("headline:\"Islamic St\"* \"U.S.\"", new[] { "\"Islamic St\"*" })]
    public void PrefixesAreListedOncePerOccurrenceRequiredOrExcluded(string q, string[] prefixes)
    {
        SearchQueryParser.Parse(q).Query!.Prefixes.Select(p => p.Display).Should().Equal(prefixes);
    }

    [Fact]
    public void TwoParsesOfTheSameTextAreEqual()
    {
        var first = SearchQueryParser.Parse("refugees OR migrants -Syria");
        var second = SearchQueryParser.Parse("refugees OR migrants -Syria");

        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Should().NotBe(SearchQueryParser.Parse("refugees OR migrants -Syrian"));
    }

    [Fact]
    public void AQuotedSingleWordIsAWord()
    {
        SearchQueryParser.Parse("\"refugees\"").Query!.Clauses[0].Alternatives[0].Kind.Should().Be(TermKind.Word);
    }

    [Fact]
    public void TokensKeepTheirCaseAndDiacriticsForTheIndexToFold()
    {
        SearchQueryParser.Parse("ZÜRICH").Query!.Clauses[0].Alternatives[0].Tokens.Should().Equal("ZÜRICH");
    }

    [Fact]
    public void AQueryWithoutARequiredClauseCannotBeBuilt()
    {
        var build = () => new SearchQuery([SearchClause.Of(SearchTerm.Word("Assad"), isExcluded: true)]);

        build.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("nul\u0000")]
    public void ATermCannotHoldAnEmptyTokenOrASeparator(string token)
    {
        var build = () => SearchTerm.Word(token);

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ATermNeedsAToken()
    {
        var build = () => new SearchTerm([]);

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AClauseNeedsATerm()
    {
        var build = () => new SearchClause([]);

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AResultIsEitherAQueryOrAnError()
    {
        var good = SearchQueryParser.Parse("refugees");
        var bad = SearchQueryParser.Parse("");

        good.IsValid.Should().BeTrue();
        good.Error.Should().BeNull();
        bad.IsValid.Should().BeFalse();
        bad.Query.Should().BeNull();
    }

    [Fact]
    public void ColumnsAreNamedAsFts5KnowsThem()
    {
        SearchColumns.All.Select(c => c.Name()).Should().Equal("headline", "lead", "body", "place");
    }
}
