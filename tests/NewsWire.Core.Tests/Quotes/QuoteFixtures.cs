using NewsWire.Core.Quotes;
using NewsWire.Core.WireCopy;

namespace NewsWire.Core.Tests.Quotes;

/// <summary>Articles for the quote tests: the TASS sample as the API would pass it, and bodies written here.</summary>
public static class QuoteFixtures
{
    private static readonly Lazy<IReadOnlyList<string>> TassBody = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tass-2015-09-18-refugee-crisis.txt"));
        return [.. WireCopyParser.Parse(text).Article!.Paragraphs];
    });

    /// <summary>The TASS sample's body paragraphs: dateline taken off the first, the three sub-headings left out.</summary>
    public static IReadOnlyList<string> Tass => TassBody.Value;

    /// <summary>A body written as paragraphs separated by blank lines, the way wire copy looks.</summary>
    public static IReadOnlyList<string> Body(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<Quote> Extract(string body) => QuoteExtractor.Extract(Body(body));
}
