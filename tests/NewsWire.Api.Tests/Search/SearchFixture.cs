using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>
/// One service with a few dozen articles, shared by the read-only search tests (xunit class fixture).
/// Stories are written for the cases they test: near-miss words, phrases split across sentences,
/// diacritics, Cyrillic, markup in the text. Bodies differ enough not to be near-duplicates of each other
/// (every three-word run of the grain reports holds its own number).
/// </summary>
public class SearchFixture : IAsyncLifetime
{
    public SearchFixture() : this(null)
    {
    }

    /// <param name="settings">Configuration for the service, e.g. another search engine.</param>
    protected SearchFixture(IDictionary<string, string?>? settings) => App = NewsWireApp.OnTestProvider(settings);

    public NewsWireApp App { get; }
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = App.CreateClient();
        var writer = App.CreateWriter();
        foreach (var story in Stories())
        {
            await writer.CreateAsync(story);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private static IEnumerable<object> Stories()
    {
        yield return Story("Zürich bank fined over sanctions", "The Swiss regulator fined a Zürich bank for breaking sanctions rules.", "Reuters", "Zurich", "2026-03-02", ["banking"]);
        yield return Story("State of emergency declared in Islamic region", "The state declared an emergency. Islamic leaders called for calm.", "AP", "Jakarta", "2026-03-03", ["politics"]);
        yield return Story("Islamic State claims attack", "Islamic State said it carried out the attack near the border.", "Reuters", "Baghdad", "2026-03-04", ["terrorism"]);
        yield return Story("Беженцы прибывают в Европу", "Поток беженцев в Европу продолжает расти, сообщил представитель ФСБ.", "ТАСС", "Москва", "2026-03-05", ["refugees"]);
        yield return Story("Markup in copy <script>alert(1)</script>", "A feed sent <script>alert('x')</script> & other markup inside the refugees story text.", "AFP", "Paris", "2026-03-06", ["refugees"]);
        yield return Story("Oil prices rise on supply cuts", "Brent crude rose on Monday after OPEC agreed supply cuts. Refugee flows were not mentioned.", "Reuters", "London", "2026-03-07", ["oil"]);
        yield return Story("Refugees cross into Turkey", "Thousands of refugees crossed the border into Turkey on Tuesday.", "AP", "Ankara", "2026-02-10", ["refugees"]);
        yield return Story("Aid for displaced families", "The agency said it would help refugees and displaced families in Syria.", "AFP", "Damascus", "2026-01-20", ["refugees", "aid"]);
        yield return Story("SCO ministers meet in Astana", "Foreign ministers of the SCO discussed security and trade.", "TASS", "Astana", "2026-01-15", ["sco"]);
        yield return Story("Recruitment drive by militants", "Officials warned about recruiting of young people by militant groups.", "Reuters", "Dushanbe", "2026-01-12", ["terrorism"]);
        for (var i = 0; i < 25; i++)
        {
            yield return Story($"Grain market report {i}", $"Session {i} wheat {i} cents higher, corn {i} cents lower, soybeans {i} cents firmer; traders {i} watched weather {i} maps.", i % 2 == 0 ? "Reuters" : "AP", i % 3 == 0 ? "Chicago" : "Kansas City", $"2025-{i % 12 + 1:00}-{i % 27 + 1:00}", ["grain"]);
        }
    }

    private static object Story(string headline, string body, string source, string place, string publishedAt, string[] tags) =>
        new { headline, body, source, place, publishedAt, tags };
}
