using NewsWire.Core.Quotes;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>A Russian-language story: guillemets, „…“ inside them, Russian speech verbs, он/она and case forms.</summary>
public sealed class RussianQuoteTests
{
    private const string Briefing = """
        Россия не намерена отвечать на провокации, заявила официальный представитель МИД России Мария Захарова на брифинге в четверг.

        «Мы не будем опускаться до уровня тех, кто называет наши шаги „агрессией“», – сказала она.

        «Все наши действия соответствуют нормам международного права», – добавила Захарова.

        Министр иностранных дел Сергей Лавров заявил, что переговоры продолжатся. «Мы открыты к диалогу, но не позволим диктовать нам условия», – отметил он.

        «Это наш принципиальный подход», – сказал Лавров.

        По словам Захаровой, ответ будет «взвешенным и точным».

        «Решение уже принято», – подчеркнула она.

        По его словам, «никаких уступок не будет».
        """;

    private readonly IReadOnlyList<Quote> _quotes = QuoteFixtures.Extract(Briefing);

    public static TheoryData<int, int, string, string> Expected => new()
    {
        { 0, 2, "Мы не будем опускаться до уровня тех, кто называет наши шаги „агрессией“", "Мария Захарова" },
        { 1, 3, "Все наши действия соответствуют нормам международного права", "Мария Захарова" },
        { 2, 4, "Мы открыты к диалогу, но не позволим диктовать нам условия", "Сергей Лавров" },
        { 3, 5, "Это наш принципиальный подход", "Сергей Лавров" },
        { 4, 6, "взвешенным и точным", "Мария Захарова" },
        { 5, 7, "Решение уже принято", "Мария Захарова" },
        { 6, 8, "никаких уступок не будет", "Сергей Лавров" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EachRussianQuotationGoesToItsSpeaker(int index, int paragraph, string text, string speaker) =>
        _quotes[index].Should().Be(new Quote(speaker, text, paragraph));

    [Fact]
    public void TheStoryHasSevenQuotations() => _quotes.Should().HaveCount(7);

    [Fact]
    public void AFeminineVerbFindsTheWomanEvenWhenAManWasNamedLast() =>
        // "подчеркнула она" comes after Lavrov spoke, and the verb's ending says the speaker is a woman.
        _quotes[5].Speaker.Should().Be("Мария Захарова");

    [Fact]
    public void AnOfficeInTheGenitiveIsNoSpeakerSoTheQuotationHasNone() =>
        QuoteFixtures.Extract("""
            Теплая погода установится в Москве в выходные, сообщил ТАСС научный руководитель Гидрометцентра России.

            «Это будет классическое бабье лето», – сказал он.
            """).Should().Equal(new Quote(null, "Это будет классическое бабье лето", 2));

    [Fact]
    public void ATermLabelledSoCalledIsNotAQuotationInRussianEither() =>
        QuoteFixtures.Extract("Лавров заявил, что так называемый «план мира» обречен.").Should().BeEmpty();
}
