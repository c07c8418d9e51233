namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>Articles the tests write; each call gives distinct content so nothing dedupes by accident.</summary>
public static class Stories
{
    public static object Input(string headline, string? source = "Reuters", string? publishedAt = "2026-03-01T12:00:00Z",
        string? place = "London", string[]? tags = null, string? lang = null, string? body = null) => new
    {
        headline,
        body = body ?? $"{headline} was reported on Monday.\n\nA second paragraph about {headline}.",
        source,
        place,
        publishedAt,
        tags = tags ?? [],
        lang,
    };

    public const string KazakhGrain = """
        Economy

        Kazakhstan raises grain export forecast

        Good weather in the north lifted the harvest

        ASTANA, November 27. /TASS/. Kazakhstan expects to export 9 million tonnes of grain this season, the agriculture ministry said on Friday.

        "The harvest in the northern regions exceeded our expectations," deputy minister Aidar Seitkali said.

        Prices

        Wheat prices at the Aktau port fell by 3% over the week, traders said.
        """;
}
