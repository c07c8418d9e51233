using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The analysis of every text field and of every query token: FTS5's <c>porter unicode61 remove_diacritics 2</c>
/// rebuilt from Lucene parts. <see cref="NewsTokenizer"/> cuts as unicode61 (and the query parser) do,
/// <see cref="FoldFilter"/> folds case and diacritics, and Lucene's Porter stemmer stems what FTS5's porter
/// would: tokens of 3 to 64 UTF-8 bytes (<see cref="StemLengthGuard"/>). No stop words: FTS5 has none.
/// Russian is not stemmed (Porter's rules are English); Cyrillic words match whole, or by prefix.
/// </summary>
internal sealed class NewsAnalyzer : Analyzer
{
    /// <summary>Between the values of a multi-valued field (body, then each sub-heading): no phrase spans two.</summary>
    public const int ValueGap = 100;

    /// <summary>One shared instance: Lucene analyzers keep per-thread token streams and are thread-safe.</summary>
    public static NewsAnalyzer Instance { get; } = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new NewsTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(new StemLengthGuard(new FoldFilter(tokenizer))));
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <summary>The index terms of a text, in order.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokens(text))
        {
            terms.Add(token.Term);
        }

        return terms;
    }

    /// <summary>The index terms of a text with where each stands in it, for highlighting.</summary>
    public List<AnalyzedToken> Tokens(string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream(LuceneFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}

/// <summary>An index term and the characters of the text it came from.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>
/// Keeps the Porter stemmer off the tokens FTS5's porter passes through unchanged: under 3 or over 64 UTF-8
/// bytes (so "us" stays us, as in the index FTS5 built, and a 30-letter Cyrillic word is not cut).
/// </summary>
internal sealed class StemLengthGuard : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public StemLengthGuard(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetByteCount(_term.Buffer.AsSpan(0, _term.Length));
        _keyword.IsKeyword = bytes is < 3 or > 64;
        return true;
    }
}
