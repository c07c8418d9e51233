using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The Lucene engine's analysis stores the terms FTS5's <c>porter unicode61 remove_diacritics 2</c> stores:
/// same cuts, same folding, same stems. Compared with SQLite itself on hand-picked words, on the texts the
/// search tests use, on random text from many scripts, and on every word of the Reuters corpus.
/// </summary>
public sealed class AnalyzerAgreementTests(Fts5Tokens fts5) : IClassFixture<Fts5Tokens>
{
    private static readonly string[] Pieces =
    [
        " ", " ", "a", "Z", "q", "7", "2015", "é", "Ü", "ß", "ñ", "ø", "e\u0301", "\u0301", "ж", "Ё", "беженцев",
        "北京", "ل", "ئ", "'", "’", ".", ",", "-", "_", "*", ":", "(", "%", "&", "/", "\U0001F600", "\u00A0", "\t",
        "\uE000", "\U0001D400", "ing", "ed", "s", "ation", "ly", "İ", "ς", "ſ", "µ", "Σ", "Ω", "ǅ", "ﬁ", "Å", "ǖ",
    ];

    [Theory]
    [InlineData("refugees refugee", new[] { "refuge", "refuge" })]
    [InlineData("recruiting recruitment recruit", new[] { "recruit", "recruit", "recruit" })]
    [InlineData("negotiate negotiations", new[] { "negoti", "negoti" })]
    [InlineData("Europe European crisis crises", new[] { "europ", "european", "crisi", "crise" })]
    [InlineData("Zürich ZÜRICH Zu\u0308rich", new[] { "zurich", "zurich", "zurich" })]
    [InlineData("U.S. don't used us", new[] { "u", "s", "don", "t", "us", "us" })]
    [InlineData("Беженцы беженцев Москва Ёлка", new[] { "беженцы", "беженцев", "москва", "ёлка" })]
    [InlineData("ΟΔΟΣ İstanbul", new[] { "οδοσ", "istanbul" })]
    [InlineData("eed eeds ies sses feed жs", new[] { "e", "e", "ie", "sse", "feed", "ж" })]
    [InlineData("Straße Bjørne", new[] { "straß", "bjørne" })]
    public void TheseWordsIndexAsFts5IndexesThem(string text, string[] terms)
    {
        fts5.Of(text).Should().Equal(terms);
        NewsAnalyzer.Instance.Terms(text).Should().Equal(terms);
    }

    [Fact]
    public void TheTassReportIndexesAsInFts5()
    {
        var text = SearchCorpus.TassText;

        NewsAnalyzer.Instance.Terms(text).Should().Equal(fts5.Of(text));
    }

    [Fact]
    public void TwoThousandRandomTextsIndexAsInFts5()
    {
        var random = new Random(20261201);
        var disagreements = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var ours = NewsAnalyzer.Instance.Terms(text.ToString());
            var theirs = fts5.Of(text.ToString());
            if (!ours.SequenceEqual(theirs))
            {
                disagreements.Add($"{text}: [{string.Join('|', ours)}] vs FTS5 [{string.Join('|', theirs)}]");
            }
        }

        disagreements.Should().BeEmpty();
    }

    [ReutersCorpusFact]
    public void EveryWordOfTheReutersCorpusStemsAsInFts5()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using (var file = File.OpenRead(SharedCorpus.ReutersPath!))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            while (reader.ReadLine() is { } line)
            {
                var story = JsonNode.Parse(line)!;
                foreach (var word in (story["title"]!.GetValue<string>() + " " + story["body"]!.GetValue<string>())
                    .Split([' ', '\n', '\t', '.', ',', '"', '(', ')', '-', '/', '\'', ';', ':'], StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(word);
                }
            }
        }

        // One FTS5 row of all words; each word is one token or more on both sides, so the lists line up.
        var text = string.Join(' ', words);
        var ours = NewsAnalyzer.Instance.Terms(text);
        var theirs = fts5.Of(text);

        words.Count.Should().BeGreaterThan(30_000);
        ours.Count.Should().Be(theirs.Count);
        ours.Zip(theirs).Where(p => p.First != p.Second).Select(p => $"{p.First} vs FTS5 {p.Second}").Should().BeEmpty();
    }
}
