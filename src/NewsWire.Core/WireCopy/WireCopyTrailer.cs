using System.Text.RegularExpressions;

namespace NewsWire.Core.WireCopy;

/// <summary>
/// Takes what agencies put after the story off its end: credits, which become metadata
/// (<see cref="ParsedArticle.Credits"/>), and sign-offs, which are dropped. Neither is story text, and left in
/// the body they would be indexed, counted and shown as the last paragraph.
/// </summary>
/// <remarks>
/// Works on lines, from the last one up, before lines are joined into blocks: Reuters' 1987 "Reuter" and
/// AFP's tag line follow the last paragraph's line directly, with no blank line to make them a block.
/// What is taken, repeatedly, while the end matches:
/// <list type="bullet">
/// <item>A sign-off: a line that is only an agency's name ("Reuter", "REUTERS", see <see cref="AgencyNames.IsSignOff"/>).
/// Dropped; it names the agency when the dateline does not.</item>
/// <item>A rule of underscores, dashes or similar (AP's "___" above its contributor line). Dropped.</item>
/// <item>AFP's tag line, "str-abc/xyz" (desk and editors' initials). A credit.</item>
/// <item>A credit note in parentheses with "by" in it: "(Reporting by …; Editing by …)", "(Writing by …)",
/// "(Additional reporting by …)", on its own lines or closing the last paragraph, wrapped over up to
/// <see cref="MaxCreditLines"/> lines. A credit.</item>
/// <item>AP's contributor block: "Associated Press writer Jane Doe in London contributed to this report." A credit.</item>
/// </list>
/// The first line of the copy (the headline) is never taken.
/// </remarks>
internal static partial class WireCopyTrailer
{
    /// <summary>A wrapped credit note is looked for over at most this many lines: long ones run to five at 65 columns.</summary>
    public const int MaxCreditLines = 8;

    /// <summary>The longest credit note looked for, in characters; real ones with several reporters run to some 250.</summary>
    public const int MaxCreditLength = 600;

    /// <summary>Removes the trailer from <paramref name="lines"/>; returns the credits ("\n" between lines) and the signing agency.</summary>
    public static (string? Credits, string? Agency) Take(List<WireLine> lines)
    {
        var credits = new List<string>();
        string? agency = null;
        var first = lines.FindIndex(l => !l.IsBlank);
        while (true)
        {
            while (lines.Count > 0 && lines[^1].IsBlank)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            if (lines.Count - 1 <= first)
            {
                break;
            }

            var last = lines[^1].Text;
            if (AgencyNames.IsSignOff(last, out var signedBy))
            {
                agency ??= signedBy;
                lines.RemoveAt(lines.Count - 1);
            }
            else if (Rule().IsMatch(last))
            {
                lines.RemoveAt(lines.Count - 1);
            }
            else if (TagLine().IsMatch(last))
            {
                credits.Insert(0, last);
                lines.RemoveAt(lines.Count - 1);
            }
            else if (!TakeCreditNote(lines, first, credits) && !TakeContributors(lines, first, credits))
            {
                break;
            }
        }

        return (credits.Count == 0 ? null : string.Join('\n', credits), agency);
    }

    /// <summary>
    /// A note in parentheses ending the last line. Tried from one line up to <see cref="MaxCreditLines"/> lines
    /// of the last run, so the first try that matches is the one where the note opens; text before it on that
    /// line stays (the note closed the last paragraph).
    /// </summary>
    private static bool TakeCreditNote(List<WireLine> lines, int first, List<string> credits)
    {
        var last = lines.Count - 1;
        var top = Math.Max(RunStart(lines, first), last - MaxCreditLines + 1);
        var below = "";
        for (var i = last; i >= top; i--)
        {
            var text = below.Length == 0 ? lines[i].Text : lines[i].Text + " " + below;

            // Only the end can hold the note, and notes are short: looking at no more than that keeps the work
            // (and the joining of lines) small however long the last lines are.
            var from = Math.Max(0, text.Length - MaxCreditLength);
            var note = CreditNote().Match(text, from).Groups["note"];
            if (note.Success && note.Index < lines[i].Text.Length)
            {
                var before = lines[i].Text[..note.Index].TrimEnd();
                var indent = lines[i].Indent;
                credits.Insert(0, note.Value);
                lines.RemoveRange(i, lines.Count - i);
                if (before.Length > 0)
                {
                    lines.Add(new WireLine(indent, before));
                }

                return true;
            }

            if (text.Length > MaxCreditLength)
            {
                return false; // a note opening further up would be longer than any note is
            }

            below = text;
        }

        return false;
    }

    private static bool TakeContributors(List<WireLine> lines, int first, List<string> credits)
    {
        var start = RunStart(lines, first);
        var text = string.Join(' ', lines.Skip(start).Select(l => l.Text));
        if (!Contributors().IsMatch(text))
        {
            return false;
        }

        credits.Insert(0, text);
        lines.RemoveRange(start, lines.Count - start);
        return true;
    }

    /// <summary>Where the last run of non-blank lines starts, never above the line after the headline.</summary>
    private static int RunStart(List<WireLine> lines, int first)
    {
        var start = lines.Count - 1;
        while (start > first + 1 && !lines[start - 1].IsBlank)
        {
            start--;
        }

        return start;
    }

    [GeneratedRegex(@"^[_\-=*#~]{3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^[a-z]{2,8}(?:-[a-z]{2,8})*(?:/[a-z]{2,8}(?:-[a-z]{2,8})*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagLine();

    [GeneratedRegex(
        @"(?:^|[ ])(?<note>\((?=[^()]*\bby\b)(?:(?:additional|further|with|and)[ ])?(?:reporting|writing|written|editing|edited|compiled|compiling|translated|translation|graphics|research|produced|production)\b[^()]*(?:\([^()]*\)[^()]*)*\))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CreditNote();

    [GeneratedRegex(
        @"^(?:The[ ])?(?:Associated[ ]Press|AP)[ ](?:[\w\-]+[ ]){0,3}?(?:writers?|reporters?|correspondents?|journalists?|videojournalists?|researchers?|photographers?)[ ].{1,400}?[ ]contributed(?:[ ]to[ ]this[ ](?:report|story))?\.$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Contributors();
}
