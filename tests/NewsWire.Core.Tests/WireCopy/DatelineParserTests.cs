using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.WireCopy;

public sealed class DatelineParserTests
{
    [Theory]
    // TASS, English and Russian; ITAR-TASS is TASS.
    [InlineData("TASHKENT, September 18. /TASS/. The text.", "TASHKENT, September 18. /TASS/.", "Tashkent", 9, 18, null, "TASS")]
    [InlineData("ASTANA, November 27. /TASS/. The text.", "ASTANA, November 27. /TASS/.", "Astana", 11, 27, null, "TASS")]
    [InlineData("ST. PETERSBURG, June 16. /TASS/. The text.", "ST. PETERSBURG, June 16. /TASS/.", "St. Petersburg", 6, 16, null, "TASS")]
    [InlineData("YUZHNO-SAKHALINSK, Feb 29. /TASS/. The text.", "YUZHNO-SAKHALINSK, Feb 29. /TASS/.", "Yuzhno-Sakhalinsk", 2, 29, null, "TASS")]
    [InlineData("ROSTOV-ON-DON, Sept. 1 /TASS/. The text.", "ROSTOV-ON-DON, Sept. 1 /TASS/.", "Rostov-on-Don", 9, 1, null, "TASS")]
    [InlineData("MOSCOW, December 25 /ITAR-TASS/. The text.", "MOSCOW, December 25 /ITAR-TASS/.", "Moscow", 12, 25, null, "TASS")]
    [InlineData("МОСКВА, 18 сентября. /ТАСС/. Текст.", "МОСКВА, 18 сентября. /ТАСС/.", "Москва", 9, 18, null, "ТАСС")]
    [InlineData("САНКТ-ПЕТЕРБУРГ, 1 марта. /ТАСС/. Текст.", "САНКТ-ПЕТЕРБУРГ, 1 марта. /ТАСС/.", "Санкт-Петербург", 3, 1, null, "ТАСС")]
    [InlineData("РОСТОВ-НА-ДОНУ, 9 мая. /ТАСС/. Текст.", "РОСТОВ-НА-ДОНУ, 9 мая. /ТАСС/.", "Ростов-на-Дону", 5, 9, null, "ТАСС")]
    // Reuters: today's, dateless, with a year, day first, in capitals, and 1987's without the agency.
    [InlineData("NEW YORK, Sept. 5 (Reuters) - The text.", "NEW YORK, Sept. 5 (Reuters) -", "New York", 9, 5, null, "Reuters")]
    [InlineData("LONDON, Feb 3 (Reuters) - The text.", "LONDON, Feb 3 (Reuters) -", "London", 2, 3, null, "Reuters")]
    [InlineData("LONDON, 2 March (Reuters) - The text.", "LONDON, 2 March (Reuters) -", "London", 3, 2, null, "Reuters")]
    [InlineData("LONDON, Feb 29, 2024 (Reuters) - The text.", "LONDON, Feb 29, 2024 (Reuters) -", "London", 2, 29, 2024, "Reuters")]
    [InlineData("RIO DE JANEIRO, Dec 24 (Reuters) -- The text.", "RIO DE JANEIRO, Dec 24 (Reuters) --", "Rio de Janeiro", 12, 24, null, "Reuters")]
    [InlineData("HAMILTON, Bermuda, Sept 5 (Reuters) - The text.", "HAMILTON, Bermuda, Sept 5 (Reuters) -", "Hamilton, Bermuda", 9, 5, null, "Reuters")]
    [InlineData("FRANKFURT, March 3 (REUTERS) - The text.", "FRANKFURT, March 3 (REUTERS) -", "Frankfurt", 3, 3, null, "Reuters")]
    [InlineData("NEW YORK, Feb 26 - The text.", "NEW YORK, Feb 26 -", "New York", 2, 26, null, null)]
    [InlineData("****LONDON, March 5 - The text.", "****LONDON, March 5 -", "London", 3, 5, null, null)]
    [InlineData("RPT --LUDWIGSHAFEN, West Germany, March 30 - The text.", "RPT --LUDWIGSHAFEN, West Germany, March 30 -", "Ludwigshafen, West Germany", 3, 30, null, null)]
    [InlineData("Mexico city, march 18 - The text.", "Mexico city, march 18 -", "Mexico city", 3, 18, null, null)]
    [InlineData("sioux falls, April 7 - The text.", "sioux falls, April 7 -", "Sioux Falls", 4, 7, null, null)]
    [InlineData("OAKLAND , N.J., March 3 - The text.", "OAKLAND , N.J., March 3 -", "Oakland, N.J.", 3, 3, null, null)]
    [InlineData("PARIS,March 16 - The text.", "PARIS,March 16 -", "Paris", 3, 16, null, null)]
    [InlineData("DALLAS/FORT WORTH, Texas, June 1 - The text.", "DALLAS/FORT WORTH, Texas, June 1 -", "Dallas/Fort Worth, Texas", 6, 1, null, null)]
    [InlineData("GEORGETOWN, Grand Cayman, British West Indies, April 2 - The text.", "GEORGETOWN, Grand Cayman, British West Indies, April 2 -", "Georgetown, Grand Cayman, British West Indies", 4, 2, null, null)]
    [InlineData("GRONINGEN, the Netherlands, March 9 - The text.", "GRONINGEN, the Netherlands, March 9 -", "Groningen, the Netherlands", 3, 9, null, null)]
    [InlineData("LONDON (Reuters) - The text.", "LONDON (Reuters) -", "London", null, null, null, "Reuters")]
    [InlineData("NEW YORK (Reuters Health) - The text.", "NEW YORK (Reuters Health) -", "New York", null, null, null, "Reuters Health")]
    // AP, dateless and dated; AFP; Xinhua; UPI; Interfax with its dot; dpa in mixed case; ANSA agency first; Kyodo bare.
    [InlineData("WASHINGTON (AP) — The text.", "WASHINGTON (AP) —", "Washington", null, null, null, "AP")]
    [InlineData("UNITED NATIONS (AP) — The text.", "UNITED NATIONS (AP) —", "United Nations", null, null, null, "AP")]
    [InlineData("WASHINGTON, March 2, 2015 (AP) — The text.", "WASHINGTON, March 2, 2015 (AP) —", "Washington", 3, 2, 2015, "AP")]
    [InlineData("WASHINGTON, D.C., JANUARY 20 (AP) - The text.", "WASHINGTON, D.C., JANUARY 20 (AP) -", "Washington, D.C.", 1, 20, null, "AP")]
    [InlineData("PARIS, Nov 29, 2026 (AFP) - The text.", "PARIS, Nov 29, 2026 (AFP) -", "Paris", 11, 29, 2026, "AFP")]
    [InlineData("Paris, 2 March 2015 (AFP) – The text.", "Paris, 2 March 2015 (AFP) –", "Paris", 3, 2, 2015, "AFP")]
    [InlineData("Paris (AFP) - The text.", "Paris (AFP) -", "Paris", null, null, null, "AFP")]
    [InlineData("BEIJING, Sept. 18 (Xinhua) -- The text.", "BEIJING, Sept. 18 (Xinhua) --", "Beijing", 9, 18, null, "Xinhua")]
    [InlineData("CAPE CANAVERAL, Fla., Sept. 18 (UPI) -- The text.", "CAPE CANAVERAL, Fla., Sept. 18 (UPI) --", "Cape Canaveral, Fla.", 9, 18, null, "UPI")]
    [InlineData("MOSCOW. Sept 18 (Interfax) - The text.", "MOSCOW. Sept 18 (Interfax) -", "Moscow", 9, 18, null, "Interfax")]
    [InlineData("KYIV. Dec 5 (Interfax-Ukraine) - The text.", "KYIV. Dec 5 (Interfax-Ukraine) -", "Kyiv", 12, 5, null, "Interfax-Ukraine")]
    [InlineData("Berlin (dpa) - The text.", "Berlin (dpa) -", "Berlin", null, null, null, "dpa")]
    [InlineData("HAMBURG, Oct 2 (DPA) - The text.", "HAMBURG, Oct 2 (DPA) -", "Hamburg", 10, 2, null, "dpa")]
    [InlineData("(ANSA) - ROME, SEP 18 - The text.", "(ANSA) - ROME, SEP 18 -", "Rome", 9, 18, null, "ANSA")]
    [InlineData("(ANSA) - ROMA, 18 SET - The text.", "(ANSA) - ROMA, 18 SET -", "Roma", 9, 18, null, "ANSA")]
    [InlineData("TOKYO, Sept. 18 Kyodo -- The text.", "TOKYO, Sept. 18 Kyodo --", "Tokyo", 9, 18, null, "Kyodo")]
    [InlineData("TOKYO, Sept. 18 (Kyodo) - The text.", "TOKYO, Sept. 18 (Kyodo) -", "Tokyo", 9, 18, null, "Kyodo")]
    // Any agency of the same shape, kept as written; known acronyms stay capitals in a place; "Mc" names.
    [InlineData("KUALA LUMPUR, Sept 18 (Bernama) -- The text.", "KUALA LUMPUR, Sept 18 (Bernama) --", "Kuala Lumpur", 9, 18, null, "Bernama")]
    [InlineData("ABU DHABI, UAE, May 4 (WAM) - The text.", "ABU DHABI, UAE, May 4 (WAM) -", "Abu Dhabi, UAE", 5, 4, null, "WAM")]
    [InlineData("MCALLEN, Texas, July 9 (Reuters) - The text.", "MCALLEN, Texas, July 9 (Reuters) -", "McAllen, Texas", 7, 9, null, "Reuters")]
    public void ADatelineIsRecognisedAndTakenApart(string paragraph, string text, string place, int? month, int? day, int? year, string? agency)
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
    [InlineData("LONDON, March 2 (Reuters) The dash is missing.")]
    [InlineData("Smirnov, who spoke on September 18 (Friday) - said nothing.")]
    [InlineData("Smirnov (FSB) - a dateless shape needs a known agency.")]
    [InlineData("TOKYO, Sept. 18 Tanaka -- a bare word before the dash must be an agency.")]
    [InlineData("c CHICAGO, March 9 - a stray letter before the place.")]
    [InlineData("LONDON, March 2 -5% is a number, not a dash and a space.")]
    [InlineData("NEW YORK, June 31 - June has 30 days.")]
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
