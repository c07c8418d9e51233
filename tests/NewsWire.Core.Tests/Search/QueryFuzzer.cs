using System.Text;

namespace NewsWire.Core.Tests.Search;

/// <summary>
/// Builds random queries from pieces users and attackers type: syntax, FTS5's own syntax, scripts, emoji,
/// control characters and broken UTF-16. Seeded, so a failure reproduces.
/// </summary>
internal static class QueryFuzzer
{
    private static readonly string[] Pieces =
    [
        " ", " ", " ", "  ", "\t", "\n", "\"", "\"", "*", "-", "OR", " OR ", "or", "NOT", "AND", "NEAR", "NEAR(",
        "(", ")", ":", "^", "+", "{", "}", "{headline}", "headline:", "lead:", "body:", "place:", "col:", "foo:",
        "http://", ",", ".", "'", "’", "!", "?", "/", "\\", "%", "&", "<", ">", ";", "=", "[", "]", "~", "#", "@",
        "refugees", "Refugee", "SCO", "Assad", "Damascus", "Islamic", "State", "recruit", "U.S.", "don't", "2015",
        "a", "b", "x", "Zürich", "Zu\u0308rich", "беженц", "беженцев", "Москва", "ШОС", "北京", "难民", "東京",
        "لاجئين", "שלום", "\u202E", "\u200F", "\u200B", "\uFEFF", "\u00A0", "\U0001F642", "\U0001F1FA\U0001F1F8",
        "\U0001D400", "\uD800", "\uDC00", "\uDBFF", "\uE000", "\uE001", "\uFFFD", "\uFFFF", "\u0301", "\u0000",
        "\u0001", "\u0007", "\u001B", "\u001F", "\u007F", "\u0085", "\u2028",
    ];

    public static string Next(Random random)
    {
        var target = random.Next(10) switch
        {
            0 => random.Next(490, 520), // around the length limit
            < 4 => random.Next(0, 12),
            _ => random.Next(0, 80),
        };

        var text = new StringBuilder();
        while (text.Length < target)
        {
            if (random.Next(8) == 0)
            {
                text.Append((char)random.Next(0, 0x10000)); // any UTF-16 unit, surrogate halves included
            }
            else
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        return text.ToString();
    }

    /// <summary>Hand-picked inputs that have broken query parsers before.</summary>
    public static IEnumerable<string> Hostile()
    {
        string[] fixedCases =
        [
            "\"", "\"\"", "\"\"\"", "\" \"", "*", "**", "-", "--", "- -", "-\"", "-*", "OR", "OR OR", "OR OR OR",
            "a OR", "OR a", "a OR OR", "NOT", "NOT a", "a NOT", "AND", "a AND", "NEAR", "NEAR(a b)", "NEAR(a b, 2)",
            "col:", "col:x", ":", "::", "a:", ":a", "headline:", "headline:\"", "headline:*", "-headline:",
            "{headline}:x", "{headline lead}:x", "- headline:x", "(", ")", "()", "(a", "a)", "((a))", "^", "^a",
            "+", "+a", "a + b", "\"a\"*", "\"a\"**", "\"\"*", "a*b*", "*a", "-*a", "\\\"", "'", "''", "a'",
            "\U0001F642", "\U0001F642*", "\"\U0001F642\"", "беженц*", "\"беженцев\"", "北京难民", "لاجئين OR שלום",
            "\u202Erefugees", "\uD800", "\uDC00", "a\uD800b", "\uDC00\uD800", "\uE000", "\uE000refugees\uE001",
            "\uFFFF", "\u0301", "a\u0301", "\u0301a", "%", "%%", "_", "a_b", "100%", "$1", "?1", ":match", "@a",
            "'; DROP TABLE ArticleSearch; --", "\" OR 1=1 --", "rank:", "rowid:1", "ArticleSearch:x",
            new string('.', 500), new string('"', 500), new string('*', 500), new string('-', 500),
            string.Concat(Enumerable.Repeat("OR ", 166)), string.Concat(Enumerable.Repeat("a OR ", 100)),
            string.Concat(Enumerable.Repeat("-a ", 166)), "z " + string.Concat(Enumerable.Repeat("-a ", 165)),
            string.Concat(Enumerable.Repeat("(", 500)), string.Concat(Enumerable.Repeat("\"a\" ", 125)),
            string.Concat(Enumerable.Repeat("headline:a ", 45)), new string('a', 500), new string('a', 501),
            string.Concat(Enumerable.Repeat("\U0001F642", 250)),
        ];

        foreach (var text in fixedCases)
        {
            yield return text;
        }

        for (var c = 0; c <= 0x1F; c++)
        {
            yield return ((char)c).ToString();
            yield return $"a{(char)c}b";
            yield return $"a{(char)c}OR{(char)c}b";
        }
    }
}
