using System.Globalization;
using NewsWire.Api.Search.Lucene;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The articles the engine tests index: the TASS report as the seed stores it (sub-headings included), the
/// stories of the API's <see cref="Search.SearchFixture"/>, a Russian report, a near-duplicate and a source
/// spelled in capitals.
/// </summary>
public static class SearchCorpus
{
    public const string Tass = "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe";
    public const string Russian = "Поток беженцев в Европу растёт";
    public const string Turkey = "Refugees cross into Turkey";
    public const string TurkeyRepeat = "Refugees cross into Turkey, officials say";
    public const string Envoy = "U.S. envoy: we don't negotiate with terrorists";
    public const string Cocoa = "Cocoa futures climb in London";

    public static string TassText { get; } = ReadTass();

    public static IReadOnlyList<IndexedArticle> Articles { get; } = Build();

    private static List<IndexedArticle> Build()
    {
        var articles = new List<IndexedArticle>();
        void Add(string headline, string body, string? source, string? place, string date, string[] tags,
            string? lead = null, string lang = "en", IReadOnlyList<string>? headings = null, bool duplicate = false) =>
            articles.Add(new IndexedArticle(articles.Count + 1, headline, lead, body, headings ?? [], place, source, tags, lang,
                DateTime.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), duplicate));

        var tass = WireCopyParser.Parse(TassText).Article!;
        Add(tass.Headline, string.Join("\n\n", tass.Paragraphs), "TASS", tass.Dateline?.Place ?? "Tashkent", "2015-09-18",
            ["refugees", "terrorism", "islamic-state"], tass.Lead, headings: tass.Sections.Select(s => s.Heading).OfType<string>().ToList());

        Add("Zürich bank fined over sanctions", "The Swiss regulator fined a Zürich bank for breaking sanctions rules.", "Reuters", "Zurich", "2026-03-02", ["banking"]);
        Add("State of emergency declared in Islamic region", "The state declared an emergency. Islamic leaders called for calm.", "AP", "Jakarta", "2026-03-03", ["politics"]);
        Add("Islamic State claims attack", "Islamic State said it carried out the attack near the border.", "Reuters", "Baghdad", "2026-03-04", ["terrorism"]);
        Add("Беженцы прибывают в Европу", "Поток беженцев в Европу продолжает расти, сообщил представитель ФСБ.", "ТАСС", "Москва", "2026-03-05", ["refugees"], lang: "ru");
        Add("Markup in copy <script>alert(1)</script>", "A feed sent <script>alert('x')</script> & other markup inside the refugees story text.", "AFP", "Paris", "2026-03-06", ["refugees"]);
        Add("Oil prices rise on supply cuts", "Brent crude rose on Monday after OPEC agreed supply cuts. Refugee flows were not mentioned.", "Reuters", "London", "2026-03-07", ["oil"]);
        Add(Turkey, "Thousands of refugees crossed the border into Turkey on Tuesday.", "AP", "Ankara", "2026-02-10", ["refugees"]);
        Add("Aid for displaced families", "The agency said it would help refugees and displaced families in Syria.", "AFP", "Damascus", "2026-01-20", ["refugees", "aid"]);
        Add("SCO ministers meet in Astana", "Foreign ministers of the SCO discussed security and trade.", "TASS", "Astana", "2026-01-15", ["sco"]);
        Add("Recruitment drive by militants", "Officials warned about recruiting of young people by militant groups.", "Reuters", "Dushanbe", "2026-01-12", ["terrorism"]);
        for (var i = 0; i < 25; i++)
        {
            Add($"Grain market report {i}", $"Session {i} wheat {i} cents higher, corn {i} cents lower, soybeans {i} cents firmer; traders {i} watched weather {i} maps.",
                i % 2 == 0 ? "Reuters" : "AP", i % 3 == 0 ? "Chicago" : "Kansas City", $"2025-{i % 12 + 1:00}-{i % 27 + 1:00}", ["grain"]);
        }

        Add(Russian, "По данным ООН, поток беженцев из Сирии не ослабевает.", "ТАСС", "Москва", "2026-03-08", ["refugees"],
            lead: "Число беженцев, прибывающих в Европу, продолжает расти.", lang: "RU");
        Add(Envoy, "\"We don't negotiate,\" the envoy told reporters in <Geneva> & Vienna.", "AP", "Geneva", "2026-03-09", ["diplomacy"],
            lead: "The U.S. envoy said Washington would not talk to the group.");
        Add(TurkeyRepeat, "Thousands of refugees crossed the border into Turkey on Tuesday, officials said.", "AP", "Ankara", "2026-02-11", ["refugees"], duplicate: true);
        Add(Cocoa, "Cocoa futures rose on the London exchange as West African harvests lagged.", "REUTERS", "london", "2026-03-10", ["cocoa", "Softs"]);
        return articles;
    }

    private static string ReadTass()
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("NewsWire.Seed.tass-2015-09-18-refugee-crisis.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>An index of <see cref="SearchCorpus"/> in a temporary folder, shared by a test class.</summary>
public sealed class LuceneCorpusIndex : IDisposable
{
    public LuceneCorpusIndex()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"newswire-lucene-{Guid.NewGuid():N}");
        Index = new LuceneIndex(Folder);
        Index.Upsert(SearchCorpus.Articles);
        Index.Commit(1);
        Index.Refresh();
        Engine = new LuceneSearchEngine(Index);
    }

    public string Folder { get; }

    public LuceneIndex Index { get; }

    public LuceneSearchEngine Engine { get; }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
