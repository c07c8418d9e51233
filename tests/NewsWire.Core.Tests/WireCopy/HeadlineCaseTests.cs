namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// All-capitals headlines come out in title case, known acronyms kept; any other headline is kept as written.
/// The rules are documented on TitleCase; each row here pins one of them.
/// </summary>
public sealed class HeadlineCaseTests
{
    [Theory]
    [InlineData("OPEC OUTPUT TO RISE, U.S. OFFICIALS SAY", "OPEC Output to Rise, U.S. Officials Say")]
    [InlineData("EU AND NATO LEADERS MEET IN BRUSSELS", "EU and NATO Leaders Meet in Brussels")]
    [InlineData("SCO SUMMIT: CIS STATES BACK UN PLAN", "SCO Summit: CIS States Back UN Plan")]
    [InlineData("IMF SEES UK GROWTH AT 1.5 PCT IN 2027", "IMF Sees UK Growth at 1.5 Pct in 2027")]
    [InlineData("USSR GRAIN IMPORTS SEEN FALLING", "USSR Grain Imports Seen Falling")]
    [InlineData("U.N. ENVOY SAYS TALKS WILL RESUME", "U.N. Envoy Says Talks Will Resume")] // dotted initials need no list
    [InlineData("A NEW ROUND OF TALKS", "A New Round of Talks")] // a small word first is capitalized
    [InlineData("WHAT THE FED IS WAITING FOR", "What the Fed Is Waiting For")] // and last; "IS" is a verb, not a list entry
    [InlineData("OIL PRICES: WHERE TO FROM HERE?", "Oil Prices: Where to From Here?")] // "from" has four letters
    [InlineData("NO REASON TO CUT RATES - BUNDESBANK'S SCHLESINGER", "No Reason to Cut Rates - Bundesbank's Schlesinger")]
    [InlineData("TALKS END - THE UNIONS WALK OUT", "Talks End - The Unions Walk Out")] // a small word after a dash
    [InlineData("U.S.-JAPAN TRADE TALKS END IN DEADLOCK", "U.S.-Japan Trade Talks End in Deadlock")]
    [InlineData("YEAR-ON-YEAR INFLATION SLOWS", "Year-on-Year Inflation Slows")]
    [InlineData("IN-FLIGHT WI-FI BAN LIFTED", "In-Flight Wi-Fi Ban Lifted")]
    [InlineData("CHEVRON <CHV> 4TH QTR NET UP 12 PCT", "Chevron <CHV> 4th Qtr Net Up 12 Pct")] // tickers, ordinals; "up" is no small word
    [InlineData("WAITING PERIOD ENDS ON WASTE MANAGEMENT<WMX> BID", "Waiting Period Ends on Waste Management<WMX> Bid")]
    [InlineData("<PLUM HOLDING INC> STARTS BID", "<PLUM HOLDING INC> Starts Bid")]
    [InlineData("G7 TO DISCUSS 10-K FILING RULES", "G7 to Discuss 10-K Filing Rules")]
    [InlineData("OPEC'S OUTPUT CEILING HOLDS", "OPEC's Output Ceiling Holds")]
    [InlineData("MCDONALD'S TO OPEN 200 STORES IN CHINA", "McDonald's to Open 200 Stores in China")]
    [InlineData("O'NEILL QUITS AS CHAIRMAN OF AT&T UNIT", "O'Neill Quits as Chairman of AT&T Unit")]
    [InlineData("WORLD WAR II VETERANS HONOURED", "World War II Veterans Honoured")]
    [InlineData("\"WE WILL NOT BACK DOWN,\" MINISTER SAYS", "\"We Will Not Back Down,\" Minister Says")]
    [InlineData("ZÜRICH BANK FINED", "Zürich Bank Fined")]
    public void AnAllCapitalsHeadlineIsTitleCased(string shouted, string expected) =>
        Articles.Parse(shouted + "\n\nThe body.").Headline.Should().Be(expected);

    [Theory]
    [InlineData("Oil prices rise as OPEC cuts output")] // mixed case was meant
    [InlineData("SWIFT INDEPENDENT PACKING CO <SFTPr> 1ST QTR NET")] // one lower-case letter makes it mixed
    [InlineData("ПУТИН ПРИБЫЛ В ТАШКЕНТ")] // Russian does not title-case
    [InlineData("2026")] // nothing to case
    public void AnyOtherHeadlineIsKeptAsWritten(string headline) =>
        Articles.Parse(headline + "\n\nThe body.").Headline.Should().Be(headline);
}
