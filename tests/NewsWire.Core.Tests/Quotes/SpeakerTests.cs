namespace NewsWire.Core.Tests.Quotes;

/// <summary>Stories with several speakers: names, surnames, pronouns, roles and titles resolved to the right person.</summary>
public sealed class SpeakerTests
{
    /// <summary>A minister and an opposition leader alternating; "she said" and "he insisted" find the right one.</summary>
    private const string Budget = """
        Finance Minister Anton Volkov said on Tuesday that the federal budget would be balanced next year for the first time since 2011.

        "We will not raise taxes, and we will not cut pensions," Volkov told reporters after a cabinet meeting.

        Opposition leader Irina Belova said the figures did not add up. "The government is hiding a deficit of three trillion rubles," she said.

        "Every number in this budget has been checked twice," the minister said. "Our critics prefer slogans to arithmetic."

        Belova noted that "the reserve fund was emptied twice in five years." "Where did the money go?" she asked.

        "The reserve fund is intact," he insisted.
        """;

    /// <summary>A spokeswoman introduced with her title, then by surname; a second official after an aside.</summary>
    private const string Sanctions = """
        Moscow regards the new sanctions as unlawful and will respond to them, Russian Foreign Ministry spokeswoman Maria Zakharova said at a briefing on Thursday.

        "Washington has once again chosen the path of confrontation," Zakharova said. "We have warned our American colleagues many times that such steps will not go unanswered."

        According to Zakharova, the response will be "measured and precise."

        "Nobody should doubt that," she stressed.

        Deputy Foreign Minister Sergey Ryabkov, speaking separately, said the ministry was preparing countermeasures. "The list is ready and it is long," Ryabkov told TASS.

        "We are not in a hurry," said Ryabkov.
        """;

    public static TheoryData<string, int, string, string> Attributed => new()
    {
        { Budget, 2, "We will not raise taxes, and we will not cut pensions", "Anton Volkov" },
        { Budget, 3, "The government is hiding a deficit of three trillion rubles", "Irina Belova" },
        { Budget, 4, "Every number in this budget has been checked twice", "Anton Volkov" },
        { Budget, 4, "Our critics prefer slogans to arithmetic.", "Anton Volkov" },
        { Budget, 5, "the reserve fund was emptied twice in five years.", "Irina Belova" },
        { Budget, 5, "Where did the money go?", "Irina Belova" },
        { Budget, 6, "The reserve fund is intact", "Anton Volkov" },
        { Sanctions, 2, "Washington has once again chosen the path of confrontation", "Maria Zakharova" },
        { Sanctions, 2, "We have warned our American colleagues many times that such steps will not go unanswered.", "Maria Zakharova" },
        { Sanctions, 3, "measured and precise.", "Maria Zakharova" },
        { Sanctions, 4, "Nobody should doubt that", "Maria Zakharova" },
        { Sanctions, 5, "The list is ready and it is long", "Sergey Ryabkov" },
        { Sanctions, 6, "We are not in a hurry", "Sergey Ryabkov" },
    };

    [Theory]
    [MemberData(nameof(Attributed))]
    public void EachQuotationGoesToItsSpeakerInItsParagraph(string story, int paragraph, string text, string speaker) =>
        QuoteFixtures.Extract(story).Should().ContainSingle(q => q.Text == text)
            .Which.Should().Be(new NewsWire.Core.Quotes.Quote(speaker, text, paragraph));

    [Fact]
    public void TheBudgetStoryHasSevenQuotationsInOrder() =>
        QuoteFixtures.Extract(Budget).Select(q => q.Paragraph).Should().Equal(2, 3, 4, 4, 5, 5, 6);

    [Fact]
    public void TheSanctionsStoryHasSixQuotationsInOrder() =>
        QuoteFixtures.Extract(Sanctions).Select(q => q.Paragraph).Should().Equal(2, 2, 3, 4, 5, 6);

    public static TheoryData<string, string> Introductions => new()
    {
        { "Army General Sergey Smirnov said on Friday the threat was growing.", "Sergey Smirnov" },
        { "Federal Security Service first deputy director Army General Sergey Smirnov said the threat was growing.", "Sergey Smirnov" },
        { "Russia’s Foreign Minister Sergey Lavrov said the talks had stalled.", "Sergey Lavrov" },
        { "State Duma Speaker Vyacheslav Volodin told lawmakers the bill would pass.", "Vyacheslav Volodin" },
        { "Kremlin spokesman Dmitry Peskov told reporters the president was informed.", "Dmitry Peskov" },
        { "President Vladimir Putin said the decision was final.", "Vladimir Putin" },
        { "Mr. Ivanov said the deal was off.", "Ivanov" },
        { "The talks had stalled, said Foreign Ministry spokeswoman Maria Zakharova on Friday.", "Maria Zakharova" },
        { "According to Interior Minister Vladimir Kolokoltsev, crime has fallen.", "Vladimir Kolokoltsev" },
        { "European Commission President Ursula von der Leyen said the package was ready.", "Ursula von der Leyen" },
        { "Syrian President Bashar al-Assad said the army would advance.", "Bashar al-Assad" },
    };

    [Theory]
    [MemberData(nameof(Introductions))]
    public void ASurnameLaterGetsTheFullNameWithoutTitlesOrRanks(string introduction, string speaker)
    {
        var surname = speaker.Split(' ')[^1];
        var quotes = QuoteFixtures.Extract($"{introduction}\n\n\"It will only get worse from here,\" {surname} added.");

        quotes.Should().ContainSingle().Which.Speaker.Should().Be(speaker);
    }

    [Fact]
    public void AQuoteBeforeAnyoneIsNamedTakesTheNameThatFollowsIt() =>
        QuoteFixtures.Extract("\"We will never give up,\" said Sergey Smirnov, the officer in charge.")
            .Should().ContainSingle().Which.Speaker.Should().Be("Sergey Smirnov");

    [Fact]
    public void APronounWithNobodyNamedBeforeHasNoSpeaker() =>
        QuoteFixtures.Extract("\"We will never give up,\" he said.").Should().ContainSingle().Which.Speaker.Should().BeNull();

    [Fact]
    public void AnUnnamedSourceHasNoSpeakerEvenAfterANamedOne() =>
        QuoteFixtures.Extract("""
            "The border is closed," Ivan Petrov said.

            "Nobody will be let through before Monday," the ministry said in a statement.
            """).Select(q => q.Speaker).Should().Equal("Ivan Petrov", null);
}
