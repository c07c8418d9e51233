namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// One story per agency, written for these tests in the shape each agency really sends: its dateline, its
/// byline habits, its credits and sign-off. People and most figures are invented.
/// </summary>
public static class AgencyStories
{
    /// <summary>Reuters today: a byline line, a dated dateline, a wrapped credit note closing the story.</summary>
    public const string Reuters = """
        Oil climbs as OPEC+ weighs deeper output cuts

        By Jane Doe

        LONDON, March 3 (Reuters) - Oil prices rose more than 2% on Tuesday after sources in OPEC+ said the group was considering deeper output cuts at its meeting next week, offsetting worries about weak demand in China.

        Brent crude futures were up $1.74, or 2.2%, at $81.20 a barrel by 1030 GMT, while U.S. West Texas Intermediate crude gained $1.61, or 2.1%, to $77.05.

        "The market is pricing in a real chance of a bigger cut," said Harald Lind, an analyst at Nordfjell Markets.

        Three OPEC+ sources told Reuters the group would discuss a further reduction of 1 million barrels per day.

        (Reporting by Jane Doe in London; additional reporting by Ahmad Karimi in Dubai;
        Editing by Mark Potter)
        """;

    /// <summary>Reuters in 1987: capitals headline, no agency in the dateline, indented paragraphs, a closing "Reuter".</summary>
    public const string Reuters1987 = """
        OPEC OUTPUT TO RISE, U.S. OFFICIALS SAY

        WASHINGTON, March 3 - OPEC oil output is likely to rise by
        about one mln barrels per day in the second quarter as members
        exceed their quotas, U.S. Energy Department officials said.
            The officials, who asked not to be named, told reporters
        that Saudi Arabia would keep its output near its quota of 4.13
        mln bpd.
            They said world oil demand would grow by about one pct this
        year, less than forecast in December.
            Prices on the New York Mercantile Exchange fell 30 cts to
        17.85 dlrs a barrel after the remarks.
         Reuter
        """;

    /// <summary>AP: byline with the agency, a dateline without a date, an em dash, the "___" rule and a contributor line.</summary>
    public const string AP = """
        Senate passes stopgap bill hours before shutdown deadline

        By LISA MARTIN and DAVID OKAFOR Associated Press

        WASHINGTON (AP) — The Senate voted 77-19 late Thursday to keep the government funded through mid-January, sending the stopgap bill to the president hours before a midnight deadline.

        The measure extends current spending levels and adds $6 billion in disaster aid for states hit by this year's hurricanes and wildfires.

        “Nobody wanted to be here at 11 o’clock at night, but we got it done,” the Senate majority leader told reporters after the vote.

        The House approved the bill on Wednesday. The White House said the president would sign it Friday morning.

        ___

        Associated Press writer Maria Fuentes contributed to this report.
        """;

    /// <summary>AFP: a dateline with a year, "(AFP) -", the desk's tag line last.</summary>
    public const string AFP = """
        France unveils plan to halve farm pesticide use

        PARIS, Nov 29, 2026 (AFP) - France will halve the use of farm pesticides by 2035 under a plan unveiled Sunday, the agriculture ministry said, drawing criticism from farmers and environmental groups alike.

        The plan sets aside 250 million euros ($265 million) a year to help growers switch to alternatives such as mechanical weeding and longer crop rotations.

        "For the first time, the targets come with the money to reach them," the ministry said in a statement.

        Farmers' unions called the timetable unrealistic, while environmental groups said the plan lacked binding measures.

        bur-fz/jh
        """;

    /// <summary>Xinhua: "Sept." with a dot, a double dash, and its "Enditem" sign-off.</summary>
    public const string Xinhua = """
        China's grain output hits record high

        BEIJING, Dec. 12 (Xinhua) -- China's grain output reached a record 712 million tonnes this year, up 1.3 percent from a year earlier, the National Bureau of Statistics said Friday.

        Output of summer grain, early rice and autumn grain all rose, with corn accounting for most of the increase, the bureau said.

        The sown area for grain expanded by 0.4 percent to 119.3 million hectares, according to the bureau.

        China has kept its annual grain output above 650 million tonnes for more than a decade.

        Enditem
        """;

    /// <summary>Interfax: a dot after the place, "(Interfax) -".</summary>
    public const string Interfax = """
        Russian wheat export prices edge up on demand from Egypt

        MOSCOW. Sept 18 (Interfax) - Export prices for Russian wheat with 12.5% protein rose by $2 to $231 per tonne FOB Novorossiysk last week on firm demand from Egypt and Turkey, analysts at a Moscow agricultural consultancy said.

        Prices for new-crop barley were unchanged at $198 per tonne.

        Russia had harvested 64 million tonnes of wheat by September 15, compared with 71 million tonnes on the same date last year, the Agriculture Ministry said.

        Analysts expect wheat exports to reach 4.5 million tonnes in September.
        """;

    /// <summary>UPI: a place with its state, "Sept.", "(UPI) --".</summary>
    public const string UPI = """
        NASA delays moon rocket fueling test after hydrogen leak

        CAPE CANAVERAL, Fla., Sept. 18 (UPI) -- NASA postponed a fueling test of its Space Launch System rocket on Friday after engineers detected a hydrogen leak at the base of the launch pad, the agency said.

        Engineers will replace a seal on the fuel line over the weekend and could try again as early as Tuesday, NASA said in a statement.

        The test is the last major milestone before the rocket's next crewed flight, planned for early next year.
        """;

    /// <summary>dpa's English service: the place in mixed case and no date.</summary>
    public const string Dpa = """
        German industrial orders fall for third month in a row

        Berlin (dpa) - Orders for German industrial goods fell for the third month in a row in October, dropping 1.5 per cent from September, the Federal Statistical Office said on Friday.

        Economists had expected a small rise after a weak summer.

        Foreign orders fell 2.4 per cent, led by weaker demand from outside the eurozone, while domestic orders edged down 0.2 per cent.

        "Industry is still waiting for the turnaround," said an economist at a Frankfurt bank.
        """;

    /// <summary>ANSA English: the agency first, the month in capitals.</summary>
    public const string ANSA = """
        Italy's jobless rate falls to lowest since 2007

        (ANSA) - ROME, SEP 18 - Italy's unemployment rate fell to 6.0% in August, the lowest since 2007, national statistics bureau ISTAT said on Wednesday.

        The number of people in work rose by 48,000 compared with July, driven by permanent contracts.

        Youth unemployment, among those aged 15 to 24, fell 0.9 points to 18.3%.
        """;

    /// <summary>Kyodo's older wire: the agency bare before the dash, "Sept." with a dot.</summary>
    public const string Kyodo = """
        JAPAN'S EXPORTS RISE FOR 5TH STRAIGHT MONTH ON CHIP DEMAND

        TOKYO, Sept. 18 Kyodo -- Japan's exports rose 6.1 percent in August from a year earlier for the fifth straight month of growth, driven by shipments of chipmaking equipment to China, the government said Wednesday.

        Imports fell 2.3 percent, leaving a trade deficit of 153.6 billion yen, the Finance Ministry said in a preliminary report.

        Exports to the United States rose 3.0 percent, while those to China grew 12.4 percent.
        """;

    /// <summary>TASS: the slash dateline and a lead, as in the Seed sample.</summary>
    public const string TASS = """
        Kazakhstan to raise grain export quota as harvest beats forecast

        The quota will grow by 1.5 million tonnes

        ASTANA, November 27. /TASS/. Kazakhstan will raise its grain export quota by 1.5 million tonnes after this year's harvest exceeded the forecast, the Agriculture Ministry said on Thursday.

        "The harvest reached 23.4 million tonnes in clean weight, well above the 19 million we expected in spring," a deputy minister told reporters.

        Most of the additional grain will go to Central Asian neighbors and to China by rail.
        """;

    public static string ByName(string name) => name switch
    {
        nameof(Reuters) => Reuters,
        nameof(Reuters1987) => Reuters1987,
        nameof(AP) => AP,
        nameof(AFP) => AFP,
        nameof(Xinhua) => Xinhua,
        nameof(Interfax) => Interfax,
        nameof(UPI) => UPI,
        nameof(Dpa) => Dpa,
        nameof(ANSA) => ANSA,
        nameof(Kyodo) => Kyodo,
        nameof(TASS) => TASS,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such story."),
    };

    public static TheoryData<string> Names =>
        [nameof(Reuters), nameof(Reuters1987), nameof(AP), nameof(AFP), nameof(Xinhua), nameof(Interfax), nameof(UPI),
            nameof(Dpa), nameof(ANSA), nameof(Kyodo), nameof(TASS)];
}
