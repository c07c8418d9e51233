using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

public sealed class DatelineParserTests
{
    [Theory]
    [InlineData("TASHKENT, September 18. /TASS/. The text.", "TASHKENT, September 18. /TASS/.", "Tashkent", 9, 18, null, "TASS")]
    [InlineData("ASTANA, November 27. /TASS/. The text.", "ASTANA, November 27. /TASS/.", "Astana", 11, 27, null, "TASS")]
    [InlineData("ST. PETERSBURG, June 16. /TASS/. The text.", "ST. PETERSBURG, June 16. /TASS/.", "St. Petersburg", 6, 16, null, "TASS")]
    [InlineData("YUZHNO-SAKHALINSK, Feb 29. /TASS/. The text.", "YUZHNO-SAKHALINSK, Feb 29. /TASS/.", "Yuzhno-Sakhalinsk", 2, 29, null, "TASS")]
    [InlineData("ROSTOV-ON-DON, Sept. 1 /TASS/. The text.", "ROSTOV-ON-DON, Sept. 1 /TASS/.", "Rostov-on-Don", 9, 1, null, "TASS")]
    [InlineData("МОСКВА, 18 сентября. /ТАСС/. Текст.", "МОСКВА, 18 сентября. /ТАСС/.", "Москва", 9, 18, null, "ТАСС")]
    [InlineData("САНКТ-ПЕТЕРБУРГ, 1 марта. /ТАСС/. Текст.", "САНКТ-ПЕТЕРБУРГ, 1 марта. /ТАСС/.", "Санкт-Петербург", 3, 1, null, "ТАСС")]
    [InlineData("РОСТОВ-НА-ДОНУ, 9 мая. /ТАСС/. Текст.", "РОСТОВ-НА-ДОНУ, 9 мая. /ТАСС/.", "Ростов-на-Дону", 5, 9, null, "ТАСС")]
    [InlineData("NEW YORK, Sept. 5 (Reuters) - The text.", "NEW YORK, Sept. 5 (Reuters) -", "New York", 9, 5, null, "Reuters")]
    [InlineData("LONDON, Feb 3 (Reuters) - The text.", "LONDON, Feb 3 (Reuters) -", "London", 2, 3, null, "Reuters")]
    [InlineData("LONDON, 2 March (Reuters) - The text.", "LONDON, 2 March (Reuters) -", "London", 3, 2, null, "Reuters")]
    [InlineData("WASHINGTON, March 2, 2015 (AP) — The text.", "WASHINGTON, March 2, 2015 (AP) —", "Washington", 3, 2, 2015, "AP")]
    [InlineData("Paris, 2 March 2015 (AFP) – The text.", "Paris, 2 March 2015 (AFP) –", "Paris", 3, 2, 2015, "AFP")]
    [InlineData("RIO DE JANEIRO, Dec 24 (Reuters) -- The text.", "RIO DE JANEIRO, Dec 24 (Reuters) --", "Rio de Janeiro", 12, 24, null, "Reuters")]
    [InlineData("HAMILTON, Bermuda, Sept 5 (Reuters) - The text.", "HAMILTON, Bermuda, Sept 5 (Reuters) -", "Hamilton, Bermuda", 9, 5, null, "Reuters")]
    [InlineData("WASHINGTON, D.C., JANUARY 20 (AP) - The text.", "WASHINGTON, D.C., JANUARY 20 (AP) -", "Washington, D.C.", 1, 20, null, "AP")]
    [InlineData("LONDON, Feb 29, 2024 (Reuters) - The text.", "LONDON, Feb 29, 2024 (Reuters) -", "London", 2, 29, 2024, "Reuters")]
    public void ADatelineIsRecognisedAndTakenApart(string paragraph, string text, string place, int month, int day, int? year, string agency)
    {
        DatelineParser.TryParse(paragraph, out var dateline, out var rest).Should().BeTrue();

        dateline.Should().Be(new Dateline(text, place, month, day, year, agency));
        rest.Should().BeOneOf("The text.", "Текст.");
    }

    [Fact]
    public void ADatelineAloneLeavesNothing()
    {
        DatelineParser.TryParse("TASHKENT, September 18. /TASS/.", out var dateline, out var rest).Should().BeTrue();

        dateline!.Place.Should().Be("Tashkent");
        rest.Should().BeEmpty();
    }

    [Theory]
    [InlineData("The Islamic State (IS) terrorist organization takes advantage of the situation.")]
    [InlineData("TASHKENT, February 30. /TASS/. An impossible day.")]
    [InlineData("TASHKENT, September 31. /TASS/. September has 30 days.")]
    [InlineData("TASHKENT, September 0. /TASS/. No day zero.")]
    [InlineData("LONDON, Feb 29, 2015 (Reuters) - 2015 was no leap year.")]
    [InlineData("LONDON, March 2, 0001 (Reuters) - Not a year NewsWire archives.")]
    [InlineData("TASHKENT, Smarch 18. /TASS/. No such month.")]
    [InlineData("TASHKENT, Friday 18. /TASS/. A weekday is no month.")]
    [InlineData("WASHINGTON (AP) — No date: Dateline needs a month and a day.")]
    [InlineData("LONDON, March 2 (Reuters) The dash is missing.")]
    [InlineData("Smirnov, who spoke on September 18 (Friday) - said nothing.")]
    [InlineData("")]
    public void ParagraphsWithoutARealDatelineAreLeftWhole(string paragraph)
    {
        DatelineParser.TryParse(paragraph, out var dateline, out var rest).Should().BeFalse();

        dateline.Should().BeNull();
        rest.Should().Be(paragraph);
    }

    [Fact]
    public void AHugeParagraphCostsNothing()
    {
        var paragraph = "TASHKENT, September 18. /TASS/. " + new string('x', 1_000_000);

        DatelineParser.TryParse(paragraph, out _, out var rest).Should().BeTrue();
        rest.Should().HaveLength(1_000_000);
    }
}
