namespace NewsWire.Core.Tests.Quotes;

/// <summary>
/// Surnames with particles (von der Leyen, de la Cruz, al-Assad): a later mention finds the full name whether the
/// particle is written small or, opening a sentence, capitalized; a particle on its own names nobody.
/// </summary>
public sealed class NameParticleTests
{
    private const string Quotation = "It will only get worse from here";

    /// <summary>Full name as introduced, the later mention, in German, Dutch, French, Italian, Spanish, Portuguese,
    /// Arabic and Irish names.</summary>
    public static TheoryData<string, string> Mentions => new()
    {
        { "Ursula von der Leyen", "Von der Leyen" },
        { "Ursula von der Leyen", "von der Leyen" },
        { "Ursula von der Leyen", "Leyen" },
        { "Karl-Theodor zu Guttenberg", "Zu Guttenberg" },
        { "Vincent van Gogh", "Van Gogh" },
        { "Vincent van Gogh", "van Gogh" },
        { "Pieter van den Berg", "Van den Berg" },
        { "Jan ter Horst", "Ter Horst" },
        { "Charles de Gaulle", "De Gaulle" },
        { "Marine le Pen", "Le Pen" },
        { "Marine Le Pen", "Le Pen" },
        { "Faf du Plessis", "Du Plessis" },
        { "Luigi di Maio", "Di Maio" },
        { "Guillermo del Toro", "Del Toro" },
        { "Juan de la Cruz", "De la Cruz" },
        { "Marina da Silva", "Da Silva" },
        { "José Eduardo dos Santos", "Dos Santos" },
        { "Bashar al-Assad", "Al-Assad" },
        { "Abdel Fattah el-Sisi", "El-Sisi" },
        { "Mohammed bin Salman", "Bin Salman" },
        { "Abdulaziz ibn Saud", "Ibn Saud" },
        { "Tip O'Neill", "O'Neill" },
        { "Tip O’Neill", "O’Neill" },
    };

    [Theory]
    [MemberData(nameof(Mentions))]
    public void AMentionOpeningASentenceFindsTheFullName(string fullName, string mention)
    {
        var quotes = QuoteFixtures.Extract($"""
            Minister {fullName} said on Monday the plan was ready.

            {Capitalized(mention)} added, “{Quotation}.”
            """);

        quotes.Should().ContainSingle().Which.Speaker.Should().Be(fullName);
    }

    [Theory]
    [MemberData(nameof(Mentions))]
    public void AMentionAfterTheQuotationFindsTheFullName(string fullName, string mention)
    {
        var quotes = QuoteFixtures.Extract($"""
            Minister {fullName} said on Monday the plan was ready.

            “{Quotation},” {mention} added.
            """);

        quotes.Should().ContainSingle().Which.Speaker.Should().Be(fullName);
    }

    [Fact]
    public void ASurnameMetFirstWithACapitalParticleJoinsTheFullNameMetLater() =>
        QuoteFixtures.Extract("""
            Von der Leyen said on Monday the plan was ready.

            “We have waited long enough,” Commission President Ursula von der Leyen told reporters.

            “It will only get worse from here,” Von der Leyen added.
            """).Select(q => q.Speaker).Should().Equal("Ursula von der Leyen", "Ursula von der Leyen");

    [Fact]
    public void ASurnameGivenWithItsParticlesAndNoFirstNameKeepsTheParticles() =>
        QuoteFixtures.Extract($"“{Quotation},” said de Gaulle.").Should().ContainSingle().Which.Speaker.Should().Be("de Gaulle");

    /// <summary>Another first name before the same surname is another person, with or without particles.</summary>
    [Theory]
    [InlineData("Ursula von der Leyen", "Anna von der Leyen")]
    [InlineData("Ursula von der Leyen", "Anna Leyen")]
    [InlineData("Vincent van Gogh", "Theo van Gogh")]
    [InlineData("Tip O'Neill", "Paul O'Neill")]
    public void AnotherFirstNameIsAnotherPerson(string fullName, string other) =>
        QuoteFixtures.Extract($"""
            Minister {fullName} said on Monday the plan was ready.

            “{Quotation},” {other} added.
            """).Should().ContainSingle().Which.Speaker.Should().Be(other);

    /// <summary>"Von" alone is no surname: it must not find von der Leyen, however she was introduced.</summary>
    [Theory]
    [InlineData("European Commission President Ursula von der Leyen said on Monday the plan was ready.")]
    [InlineData("The plan was ready, said von der Leyen.")]
    [InlineData("Von der Leyen said on Monday the plan was ready.")]
    [InlineData("Van den Berg said on Monday the plan was ready.")]
    public void AParticleOnItsOwnFindsNobodyKnown(string introduction)
    {
        var particle = introduction.Contains("Berg", StringComparison.Ordinal) ? "Van" : "Von";

        QuoteFixtures.Extract($"{introduction}\n\n“{Quotation},” {particle} added.")
            .Should().ContainSingle().Which.Speaker.Should().Be(particle);
    }

    private static string Capitalized(string mention) => char.ToUpperInvariant(mention[0]) + mention[1..];
}
