using System.Text;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Highlights as the FTS5 search gives them: the whole headline, and the best passage of the body (24
/// tokens, "…" where cut), matched words in <c>&lt;mark&gt;</c> and everything else HTML-escaped. The text is
/// cut by the index's tokenizer and words analyzed by its analyzer, so a mark lands on what the index
/// matched: stems (refugee marks Refugees), folded diacritics, prefixes, and a phrase only where its words
/// stand together. Only the query's wanted terms mark, each in the fields its scope allows. It runs on the
/// page's hits alone, on the text the store read for them, and analyzes only the words that may stem to a
/// wanted term: Porter rewrites at most the last few letters of a stem, so such a word, folded, begins
/// with the wanted term less its last three letters (its first letter at least). Each distinct word is
/// analyzed once per page.
/// </summary>
public sealed class LuceneHighlighter
{
    public const int SnippetTokens = 24;
    private const char Ellipsis = '…';
    private const int StemTail = 3;

    private readonly List<Wanted> _headline;
    private readonly List<Wanted> _body;

    /// <summary>What a folded word must begin with to be worth analyzing: each wanted term less its tail.</summary>
    private readonly string[] _guards;

    /// <summary>Words already analyzed on this page, by their text as written.</summary>
    private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);

    private sealed record Wanted(string[] Terms, bool IsPrefix, int Id);

    /// <summary>A token of the text: where it stands, and its index term when it could be wanted (else null).</summary>
    private readonly record struct Token(int Start, int End, string? Term);

    public LuceneHighlighter(SearchQuery query)
    {
        var all = query.Required.SelectMany(c => c.Alternatives)
            .Select((term, id) => (term.Column, Wanted: new Wanted(term.Tokens.SelectMany(NewsAnalyzer.Instance.Terms).ToArray(), term.IsPrefix, id)))
            .Where(w => w.Wanted.Terms.Length > 0)
            .ToList();
        _headline = all.Where(w => w.Column is null or SearchColumn.Headline).Select(w => w.Wanted).ToList();
        _body = all.Where(w => w.Column is null or SearchColumn.Body).Select(w => w.Wanted).ToList();
        _guards = all.SelectMany(w => w.Wanted.Terms).Select(t => t[..Math.Max(1, t.Length - StemTail)]).Distinct().ToArray();
    }

    public SearchHighlights Highlight(string headline, string body) => new()
    {
        Headline = Headline(headline),
        Snippet = Snippet(body),
    };

    public string Headline(string text)
    {
        var tokens = Tokens(text);
        return Render(text, tokens, Matches(tokens, _headline), 0, tokens.Count, wholeText: true);
    }

    public string Snippet(string text)
    {
        var tokens = Tokens(text);
        var matches = Matches(tokens, _body);
        var (start, end) = BestWindow(tokens.Count, matches);
        return Render(text, tokens, matches, start, end, wholeText: false);
    }

    private List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var known = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var position = 0;
        while (NewsTokenizer.Next(text, ref position, out var start, out var end))
        {
            string? term = null;
            if (MayMatch(text.AsSpan(start, end - start)) && !known.TryGetValue(text.AsSpan(start, end - start), out term))
            {
                var word = text[start..end];
                _terms[word] = term = NewsAnalyzer.Instance.Terms(word).FirstOrDefault();
            }

            tokens.Add(new Token(start, end, term));
        }

        return tokens;
    }

    /// <summary>Whether a word could stem to a wanted term. Words with other than ASCII letters and digits always could.</summary>
    private bool MayMatch(ReadOnlySpan<char> word)
    {
        Span<char> folded = stackalloc char[Math.Min(word.Length, NewsTokenizer.MaxTokenLength)];
        for (var i = 0; i < folded.Length; i++)
        {
            var c = word[i];
            if (c >= 0x80)
            {
                return true;
            }

            folded[i] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        foreach (var guard in _guards)
        {
            if (folded.StartsWith(guard, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every place a wanted term matches: its first and last token and which term it is.</summary>
    private static List<(int First, int Last, int Id)> Matches(List<Token> tokens, List<Wanted> wanted)
    {
        var matches = new List<(int, int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var term in wanted)
            {
                if (MatchesAt(tokens, i, term))
                {
                    matches.Add((i, i + term.Terms.Length - 1, term.Id));
                }
            }
        }

        return matches;
    }

    private static bool MatchesAt(List<Token> tokens, int at, Wanted term)
    {
        var terms = term.Terms;
        if (at + terms.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < terms.Length; j++)
        {
            var token = tokens[at + j].Term;
            var last = j == terms.Length - 1;
            if (token is null || !(last && term.IsPrefix ? token.StartsWith(terms[j], StringComparison.Ordinal) : token == terms[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The window of <see cref="SnippetTokens"/> tokens with the most different terms, then the most matches,
    /// earliest on a tie; each match is tried a few tokens into its window, so it has some words before it.
    /// </summary>
    private static (int Start, int End) BestWindow(int count, List<(int First, int Last, int Id)> matches)
    {
        if (count <= SnippetTokens || matches.Count == 0)
        {
            return (0, Math.Min(count, SnippetTokens));
        }

        var best = (Start: 0, Score: -1);
        foreach (var match in matches)
        {
            var start = Math.Clamp(match.First - 3, 0, count - SnippetTokens);
            var end = start + SnippetTokens;
            var inside = matches.Where(m => m.First >= start && m.Last < end).ToList();
            var score = inside.Select(m => m.Id).Distinct().Count() * 1000 + inside.Count;
            if (score > best.Score)
            {
                best = (start, score);
            }
        }

        return (best.Start, best.Start + SnippetTokens);
    }

    private static string Render(string text, List<Token> tokens, List<(int First, int Last, int Id)> matches,
        int start, int end, bool wholeText)
    {
        if (tokens.Count == 0)
        {
            return wholeText ? Highlights.ToHtml(Clean(text), Highlights.OpenSentinel, Highlights.CloseSentinel) : "";
        }

        // A window that reaches either end of the text takes what stands beyond its first or last token.
        var from = wholeText || start == 0 ? 0 : tokens[start].Start;
        var to = wholeText || end == tokens.Count ? text.Length : tokens[end - 1].End;
        var marked = new StringBuilder(to - from + 16);
        if (!wholeText && start > 0)
        {
            marked.Append(Ellipsis);
        }

        var position = from;
        foreach (var (markFrom, markTo) in Spans(tokens, matches, start, end))
        {
            marked.Append(Clean(text[position..markFrom])).Append(Highlights.OpenSentinel)
                .Append(Clean(text[markFrom..markTo])).Append(Highlights.CloseSentinel);
            position = markTo;
        }

        marked.Append(Clean(text[position..to]));
        if (!wholeText && end < tokens.Count)
        {
            marked.Append(Ellipsis);
        }

        return Highlights.ToHtml(marked.ToString(), Highlights.OpenSentinel, Highlights.CloseSentinel);
    }

    /// <summary>The character spans to mark inside the window, overlapping matches merged.</summary>
    private static List<(int From, int To)> Spans(List<Token> tokens, List<(int First, int Last, int Id)> matches, int start, int end)
    {
        var spans = new List<(int From, int To)>();
        foreach (var (first, last, _) in matches.Where(m => m.First >= start && m.Last < end).OrderBy(m => m.First))
        {
            var (from, to) = (tokens[first].Start, tokens[last].End);
            if (spans.Count > 0 && from <= spans[^1].To)
            {
                spans[^1] = (spans[^1].From, Math.Max(spans[^1].To, to));
            }
            else
            {
                spans.Add((from, to));
            }
        }

        return spans;
    }

    /// <summary>Stored text has no sentinels (the API strips them); this keeps a stray one from becoming a mark.</summary>
    private static string Clean(string text) =>
        text.Contains(Highlights.OpenSentinel) || text.Contains(Highlights.CloseSentinel)
            ? text.Replace(Highlights.OpenSentinel.ToString(), "", StringComparison.Ordinal).Replace(Highlights.CloseSentinel.ToString(), "", StringComparison.Ordinal)
            : text;
}
