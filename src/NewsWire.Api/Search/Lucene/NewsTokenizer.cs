using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Cuts text into tokens by the rules the query parser uses (<see cref="QueryTokenizer.StartsToken"/>,
/// <see cref="QueryTokenizer.ContinuesToken"/>), which are FTS5 unicode61's: a token starts with a letter,
/// digit or private-use character and goes on through those and combining marks; everything else
/// separates. So a query token is always one index token, and <c>U.S.</c> is u, s on both sides.
/// </summary>
/// <remarks>
/// A token longer than <see cref="MaxTokenLength"/> characters is cut there (Lucene rejects terms over
/// 32,766 UTF-8 bytes); the query side goes through the same analyzer, so the cut is the same on both.
/// The whole field is read at once: a field is already one string in memory, and this keeps surrogate
/// pairs whole without a refill dance.
/// </remarks>
internal sealed class NewsTokenizer : Tokenizer
{
    public const int MaxTokenLength = 255;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _text = "";
    private int _position;

    public NewsTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!Next(_text, ref _position, out var start, out var end))
        {
            return false;
        }

        var length = Math.Min(end - start, MaxTokenLength);
        if (length < end - start && char.IsHighSurrogate(_text[start + length - 1]))
        {
            length--;
        }

        _text.CopyTo(start, _term.ResizeBuffer(length), 0, length);
        _term.Length = length;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    /// <summary>The next token of <paramref name="text"/> from <paramref name="position"/>: where it starts and ends.</summary>
    public static bool Next(string text, ref int position, out int start, out int end)
    {
        start = -1;
        var i = position;
        while (i < text.Length)
        {
            var c = text[i];
            int width;
            bool inToken;
            if (c < 0x80)
            {
                // ASCII: letters and digits are the only token characters (no marks, no private use).
                width = 1;
                inToken = (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
            }
            else
            {
                // A lone surrogate decodes as U+FFFD, a symbol: a separator, as in the parser.
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width);
                inToken = start >= 0 ? QueryTokenizer.ContinuesToken(rune) : QueryTokenizer.StartsToken(rune);
            }

            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                break;
            }

            i += width;
        }

        position = end = i;
        return start >= 0;
    }

    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _position = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        _text = "";
        base.Dispose(disposing);
    }
}
