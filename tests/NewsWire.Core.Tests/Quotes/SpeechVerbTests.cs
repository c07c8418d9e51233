using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>Each speech verb, and attribution before or after the quotation, in the sentence or the paragraph.</summary>
public sealed class SpeechVerbTests
{
    private const string Introduction = "Interior Minister Pavel Orlov told reporters in Moscow on Monday that crime was falling.";

    [Theory]
    [InlineData("said")]
    [InlineData("says")]
    [InlineData("added")]
    [InlineData("noted")]
    [InlineData("stressed")]
    [InlineData("told reporters")]
    [InlineData("continued")]
    [InlineData("warned")]
    [InlineData("explained")]
    [InlineData("asserted")]
    [InlineData("claimed")]
    [InlineData("insisted")]
    [InlineData("also stressed")]
    public void AQuotationFollowedByTheSpeakerAndAVerbIsTheSpeakers(string verb) =>
        QuoteFixtures.Extract($"\"Crime in the capital has fallen by a tenth this year,\" Orlov {verb}.")
            .Should().ContainSingle().Which.Should().Be(new Quote("Orlov", "Crime in the capital has fallen by a tenth this year", 1));

    public static TheoryData<string> Attributions => new()
    {
        "Orlov said: \"Crime in the capital has fallen by a tenth this year.\"",
        "Orlov noted that \"crime in the capital has fallen by a tenth this year.\"",
        "Talking about the capital, he noted that \"crime in the capital has fallen by a tenth this year.\"",
        "\"Crime in the capital has fallen by a tenth this year,\" he said.",
        "\"Crime in the capital has fallen by a tenth this year,\" said the minister.",
        "\"Crime in the capital has fallen by a tenth this year,\" the minister said.",
        "According to Orlov, \"crime in the capital has fallen by a tenth this year.\"",
        "According to the minister, \"crime in the capital has fallen by a tenth this year.\"",
        "Orlov, who spoke after the meeting, said \"crime in the capital has fallen by a tenth this year.\"",
        "Orlov gave the figures on Monday. \"Crime in the capital has fallen by a tenth this year.\"",
        "\"Crime in the capital has fallen by a tenth this year.\" \"Nobody expected it,\" Orlov said.",
    };

    [Theory]
    [MemberData(nameof(Attributions))]
    public void AnAttributionBeforeOrAfterInTheSentenceOrParagraphFindsTheSpeaker(string paragraph) =>
        QuoteFixtures.Extract($"{Introduction}\n\n{paragraph}")
            .Should().Contain(q => q.Text.EndsWith("by a tenth this year.", StringComparison.Ordinal) ||
                q.Text.EndsWith("by a tenth this year", StringComparison.Ordinal))
            .Which.Speaker.Should().Be("Pavel Orlov");

    [Fact]
    public void ASplitQuotationIsTwoQuotesOfTheSameSpeaker() =>
        QuoteFixtures.Extract($"{Introduction}\n\n\"Crime has fallen,\" Orlov said, \"but not everywhere.\"")
            .Should().Equal(new Quote("Pavel Orlov", "Crime has fallen", 2), new Quote("Pavel Orlov", "but not everywhere.", 2));

    [Fact]
    public void AnOpeningNameWithoutASpeechVerbIsWhomTheNextPronounMeans() =>
        QuoteFixtures.Extract("""
            Finance Minister Anna Berg said on Monday that "the budget is balanced and fair."

            Opposition leader Tom Lind disagreed. "This budget hurts pensioners," he said.

            "We will keep every promise," Berg added.
            """).Select(q => (q.Speaker, q.Paragraph)).Should().Equal(("Anna Berg", 1), ("Tom Lind", 2), ("Anna Berg", 3));
}
