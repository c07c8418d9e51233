using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>
/// Whatever is typed, parsing never throws, and a query that parses renders to an expression SQLite's
/// FTS5 accepts: the API can only ever answer 200 or a 400 with a reason, never a 500.
/// </summary>
public sealed class HostileInputTests(NewsIndex index) : IClassFixture<NewsIndex>
{
    [Fact]
    public void HandPickedHostileInputsGiveAnErrorOrAnExpressionFts5Accepts()
    {
        var failures = QueryFuzzer.Hostile().Select(Check).OfType<string>().ToList();

        failures.Should().BeEmpty();
    }

    [Fact]
    public void FiveThousandRandomInputsGiveAnErrorOrAnExpressionFts5Accepts()
    {
        var random = new Random(20150918);
        var inputs = Enumerable.Range(0, 5000).Select(_ => QueryFuzzer.Next(random)).ToList();

        var failures = inputs.Select(Check).OfType<string>().ToList();

        failures.Should().BeEmpty();
        // The generator must exercise both outcomes, or the test proves little.
        var valid = inputs.Count(q => SearchQueryParser.Parse(q).IsValid);
        valid.Should().BeGreaterThan(2500);
        (inputs.Count - valid).Should().BeGreaterThan(250);
    }

    /// <summary>Null when the input is handled; otherwise what went wrong, with the input escaped.</summary>
    private string? Check(string q)
    {
        string expression;
        try
        {
            var parsed = SearchQueryParser.Parse(q);
            if (!parsed.IsValid)
            {
                return string.IsNullOrWhiteSpace(parsed.Error) ? $"{Escape(q)}: an error without a message" : null;
            }

            expression = Fts5Renderer.Render(parsed.Query);
        }
        catch (Exception e)
        {
            return $"{Escape(q)}: {e.GetType().Name} {e.Message}";
        }

        if (HasControlOrLoneSurrogate(expression))
        {
            return $"{Escape(q)} → {Escape(expression)}: a control character or lone surrogate reached FTS5";
        }

        try
        {
            index.Match(expression);
            return null;
        }
        catch (Exception e)
        {
            return $"{Escape(q)} → {Escape(expression)}: {e.Message}";
        }
    }

    private static bool HasControlOrLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (char.IsControl(text[i]) || char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
