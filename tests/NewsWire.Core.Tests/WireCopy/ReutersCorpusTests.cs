using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsWire.Core.Text;
using NewsWire.Core.WireCopy;
using Xunit.Abstractions;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>
/// Every 1987 Reuters story of the shared corpus whose dateline is <c>PLACE, Mon DD</c>, rendered back to the wire
/// text Reuters sent (headline, blank line, <c>PLACE, Mon DD - </c> and the body with its 65-column wrapping and
/// indented paragraphs, then " Reuter"), must parse to its own headline, place, month and day.
/// </summary>
public sealed partial class ReutersCorpusTests(ITestOutputHelper output)
{
    /// <summary>Month words of the test's own, so a parser table error cannot hide here. Typos ("Narch") are not the form.</summary>
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
    };

    private static readonly DateTime Now = new(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Stories whose dateline is garbled beyond what a parser should guess at; their dateline stays in the body.
    /// #922 "ME}LBOURNE, March 3" (a brace inside the place); #3295 "c    CHICAGO, March 9", #15421
    /// "c    LONDON, April 9" and #17402 "0    LONDON, April 29" (a stray character before the place: taking
    /// "c CHICAGO" for a place would also take "the talks, …" for one).
    /// </summary>
    private static readonly int[] Garbled = [922, 3295, 15421, 17402];

    [ReutersCorpusFact]
    public void EveryStoryDatelinedPlaceMonthDayParsesToItsHeadlinePlaceAndDate()
    {
        var clock = Stopwatch.StartNew();
        int tried = 0, passed = 0, stories = 0;
        var failures = new List<string>();
        foreach (var story in ReutersCorpus.Stories())
        {
            stories++;
            if (!IsPlaceMonthDay(story.Dateline, out var place, out var month, out var day))
            {
                continue;
            }

            tried++;
            var problem = Check(story, place, month, day);
            if (problem is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"#{story.NewId} '{story.Dateline}' / '{story.Title}': {problem}");
            }
        }

        output.WriteLine($"{passed:N0} of {tried:N0} stories datelined PLACE, Mon DD passed ({stories:N0} in the corpus), " +
            $"in {clock.ElapsedMilliseconds:N0} ms.");
        foreach (var failure in failures.Take(50))
        {
            output.WriteLine(failure);
        }

        stories.Should().Be(19_043);
        tried.Should().BeGreaterThan(18_800, "the README counts about 190 datelines of another form");
        failures.Select(f => int.Parse(f[1..f.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .Should().BeEquivalentTo(Garbled, string.Join("\n", failures));
    }

    /// <summary>The text as the wire sent it in 1987: the sign-off on its own line, indented one space.</summary>
    private static string Render(CorpusStory story) =>
        story.Title + "\n\n" + story.Dateline + " - " + story.Body + "\n Reuter\n";

    private static string? Check(CorpusStory story, string place, int month, int day)
    {
        var result = WireCopyParser.Parse(Render(story));
        if (!result.IsValid)
        {
            return string.Join(" ", result.Errors.SelectMany(e => e.Value));
        }

        var article = result.Article!;
        if (!string.Equals(article.Headline, PlainText.NormalizeLine(story.Title), StringComparison.OrdinalIgnoreCase))
        {
            return $"headline '{article.Headline}'";
        }

        if (article.Dateline is not { } dateline)
        {
            return "no dateline";
        }

        // Case and spacing aside ("OAKLAND , N.J." is stored "Oakland, N.J."), the place is the dateline's own.
        if (!string.Equals(Compact(dateline.Place), Compact(place), StringComparison.OrdinalIgnoreCase))
        {
            return $"place '{dateline.Place}'";
        }

        if (dateline.Month != month || dateline.Day != day || dateline.Agency != "Reuters")
        {
            return $"dateline {dateline}";
        }

        if (DatelineDates.Resolve(dateline, story.PublishedAt, Now).Year != 1987)
        {
            return "not dated 1987";
        }

        return article.Paragraphs.Any(p => p.Contains("Reuter", StringComparison.Ordinal) && p.Length < 10) ? "sign-off left in the body" : null;
    }

    /// <summary>
    /// The form <c>PLACE, Mon DD</c>: a place, a comma, an English month word or abbreviation, a day of that month
    /// in 1987. The place is without the wire's markers before it ("****LONDON", "RPT --LUDWIGSHAFEN"): a priority
    /// flag and a repeat mark, not part of any place's name.
    /// </summary>
    private static bool IsPlaceMonthDay(string text, out string place, out int month, out int day)
    {
        var match = PlaceMonthDay().Match(text.Trim());
        place = WireMarker().Replace(match.Groups["place"].Value, "");
        month = 0;
        day = match.Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success
            && Months.TryGetValue(match.Groups["month"].Value, out month)
            && day >= 1 && day <= DateTime.DaysInMonth(1987, month);
    }

    private static string Compact(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"^(?<place>\S.*?)\s*,\s*(?<month>[A-Za-z]+)\.?\s+(?<day>\d{1,2})$")]
    private static partial Regex PlaceMonthDay();

    [GeneratedRegex(@"^(?:\*+|RPT\s*-+)\s*")]
    private static partial Regex WireMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
