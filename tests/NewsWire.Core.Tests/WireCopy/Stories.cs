namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// Wire copy the parser tests read: the TASS sample NewsWire was designed around, and stories written for
/// these tests in the same style (other places, other topics, Cyrillic, a Reuters-shaped dateline).
/// </summary>
public static class Stories
{
    private static readonly Lazy<string> TassText = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tass-2015-09-18-refugee-crisis.txt")));

    /// <summary>The sample exactly as it arrived: LF line endings, no final newline, two no-break spaces.</summary>
    public static string Tass => TassText.Value;

    /// <summary>TASS style with a breadcrumb, a lead, a two-word all-caps place with a dot, and two sub-headings.</summary>
    public const string NorthernSeaRoute = """
        Business & Economy

        Northern Sea Route cargo traffic hits record as Arctic ice retreats early

        Port officials expect the navigation season to last until late November

        ST. PETERSBURG, June 16. /TASS/. Cargo traffic along the Northern Sea Route reached 8.1 million tonnes in the first five months of the year, a record for the period, the head of the route's administration said at a press conference on Tuesday.

        "The ice retreated three weeks earlier than usual in the Kara Sea, and ship owners were quick to use it," he said. Most of the cargo was liquefied natural gas and oil shipped from terminals on the Yamal Peninsula.

        Icebreaker fleet

        Four nuclear-powered icebreakers are now escorting convoys in the eastern sector, and a fifth will join them in August after repairs in Murmansk.

        The administration expects more than 1,200 voyages this season, up from about 1,000 last year.

        Freight rates

        Shipping companies said rates on the Asian route fell by 12% compared with last summer as more ships with ice-class hulls became available.
        """;

    /// <summary>
    /// TASS style without a lead, datelined February 29 with a hyphenated place, typographic quotes, and lines
    /// wrapped inside paragraphs as an e-mail client sends them.
    /// </summary>
    public const string SakhalinTsunami = """
        Emergencies

        Tsunami warning lifted on Sakhalin after magnitude 6.1 earthquake offshore

        YUZHNO-SAKHALINSK, February 29. /TASS/. The tsunami warning issued for the
        eastern coast of Sakhalin Island after a magnitude 6.1 earthquake in the Sea of
        Okhotsk has been lifted, the regional emergencies ministry said on Thursday.

        The earthquake struck at 04:12 local time at a depth of 30 kilometers, about
        110 kilometers east of the town of Poronaysk, according to the geophysical
        service of the Russian Academy of Sciences.

        No damage or injuries

        “There are no reports of damage or casualties. Residents of coastal villages
        who left their homes as a precaution have been allowed to return,” the
        ministry’s press service said.

        Schools in Poronaysk and Makarov opened two hours late.
        """;

    /// <summary>A Russian TASS story: Cyrillic place and agency, the month in the genitive, «guillemets».</summary>
    public const string MoscowWeather = """
        Общество

        Синоптики пообещали москвичам «бабье лето» в выходные

        Температура воздуха поднимется до плюс 22 градусов

        МОСКВА, 18 сентября. /ТАСС/. Теплая и сухая погода установится в Москве в выходные, температура воздуха днем поднимется до плюс 22 градусов, сообщил ТАСС научный руководитель Гидрометцентра России.

        «Это будет классическое бабье лето: солнце, слабый ветер и никаких осадков», – сказал он.

        Ночью будет прохладно

        По словам синоптика, ночью температура опустится до плюс 8 градусов, а в области местами возможны заморозки на почве.

        На следующей неделе погоду в столичном регионе вновь определит атлантический циклон.
        """;

    /// <summary>Reuters shape: no breadcrumb, no lead, a dateline with a year and the agency in parentheses.</summary>
    public const string CoffeeFrost = """
        Coffee prices jump as frost hits Brazil's growing regions

        NEW YORK, July 21, 2025 (Reuters) - Arabica coffee futures rose more than 4% on Monday after frost damaged plantations in southern Minas Gerais, Brazil's largest growing state, traders said.

        The most active contract on ICE Futures U.S. settled up 14.35 cents at $3.6820 per lb, its highest close in two months.

        "The damage looks patchy, but the market was already tight," said a broker in New York.
        """;

    /// <summary>Every story by name, for tests that must hold for all of them.</summary>
    public static string ByName(string name) => name switch
    {
        nameof(Tass) => Tass,
        nameof(NorthernSeaRoute) => NorthernSeaRoute,
        nameof(SakhalinTsunami) => SakhalinTsunami,
        nameof(MoscowWeather) => MoscowWeather,
        nameof(CoffeeFrost) => CoffeeFrost,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such story."),
    };

    public static TheoryData<string> Names => [nameof(Tass), nameof(NorthernSeaRoute), nameof(SakhalinTsunami), nameof(MoscowWeather), nameof(CoffeeFrost)];
}
