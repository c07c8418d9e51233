using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The analysis of every text field and of every query token: FTS5's <c>porter unicode61 remove_diacritics 2</c>
/// rebuilt from Lucene parts. <see cref="NewsTokenizer"/> cuts as unicode61 (and the query parser) do,
/// <see cref="FoldFilter"/> folds case and diacritics, and Lucene's Porter stemmer stems what FTS5's porter
/// would, measuring tokens in UTF-8 bytes as FTS5 does (<see cref="ToUtf8Units"/>). No stop words: FTS5 has none.
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
        return new TokenStreamComponents(tokenizer, new FromUtf8Units(new PorterStemFilter(new ToUtf8Units(new FoldFilter(tokenizer)))));
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <summary>The index terms of a text, in order.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(LuceneFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

/// <summary>
/// Lets Lucene's Porter stemmer see a token as FTS5's porter does, as UTF-8 bytes: each byte of a non-ASCII
/// character becomes one private-use character (a consonant to Porter, equal only where the bytes are), so
/// the stemmer measures and compares as FTS5 does (жeσe and straße stem there as they do here), and
/// <see cref="FromUtf8Units"/> turns the result back. Tokens under 3 or over 64 bytes are not stemmed (so "us"
/// stays us). FTS5 applies a suffix rule only to a word longer than the suffix, so four short words stem
/// differently there; those get FTS5's stem here. A test compares every word of the Reuters corpus.
/// </summary>
internal sealed class ToUtf8Units : TokenFilter
{
    public const char Base = '\uF700';

    private static readonly Dictionary<string, string> Fts5Only = new(StringComparer.Ordinal)
    {
        ["eed"] = "e", ["eeds"] = "e", ["ies"] = "ie", ["sses"] = "sse",
    };

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private byte[] _bytes = new byte[64];

    public ToUtf8Units(TokenStream input) : base(input)
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

        var term = _term.Buffer.AsSpan(0, _term.Length);
        if (term.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            var count = Encoding.UTF8.GetByteCount(term);
            if (count > _bytes.Length)
            {
                _bytes = new byte[Math.Max(count, _bytes.Length * 2)];
            }

            Encoding.UTF8.GetBytes(term, _bytes);
            var units = _term.ResizeBuffer(count);
            for (var i = 0; i < count; i++)
            {
                units[i] = _bytes[i] < 0x80 ? (char)_bytes[i] : (char)(Base + _bytes[i]);
            }

            _term.Length = count;
            _keyword.IsKeyword = count is < 3 or > 64;
            return true;
        }

        _keyword.IsKeyword = term.Length is < 3 or > 64;
        if (term.Length <= 4 && Fts5Only.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(term, out var stem))
        {
            _term.SetEmpty().Append(stem);
            _keyword.IsKeyword = true;
        }

        return true;
    }
}

/// <summary>Turns the bytes <see cref="ToUtf8Units"/> spelled out back into characters, after stemming.</summary>
internal sealed class FromUtf8Units : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private byte[] _bytes = new byte[64];

    public FromUtf8Units(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var units = _term.Buffer.AsSpan(0, _term.Length);
        if (units.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            if (units.Length > _bytes.Length)
            {
                _bytes = new byte[Math.Max(units.Length, _bytes.Length * 2)];
            }

            for (var i = 0; i < units.Length; i++)
            {
                _bytes[i] = (byte)(units[i] < 0x80 ? units[i] : units[i] - ToUtf8Units.Base);
            }

            // Never longer than the units: each character takes at least one byte.
            var length = Encoding.UTF8.GetChars(_bytes.AsSpan(0, units.Length), _term.Buffer);
            _term.Length = length;
        }

        return true;
    }
}
