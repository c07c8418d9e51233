using System.Buffers;
using System.Text;

namespace NewsWire.Api.Ingest;

/// <summary>
/// The byte-level half of <see cref="FeedScanner"/>: a state machine that knows only what bounds elements
/// (tags, quoted attribute values, comments, CDATA sections, processing instructions), fed one buffer at a time
/// with any split between buffers. It reports start tags (when the name is known, and when the tag ends), end
/// tags and the XML declaration, and keeps the current tag's bytes (bounded) only while the scanner asks for
/// them; text, comments and tags of any length otherwise pass through uncopied. It tracks the line and
/// character position as XmlReader counts them, for messages. The bytes must be in an ASCII-compatible
/// encoding: UTF-8, ISO-8859-x, windows-125x (FeedItems turns UTF-16 into UTF-8 first).
/// </summary>
internal abstract class FeedTokenizer
{
    /// <summary>The tags outside entries (root, channel) are short; past this a tag's bytes are not kept.</summary>
    public const int MaxTagBytes = 64 * 1024;
    private const int MaxNameBytes = 256;

    private enum State { Text, Open, Bang, Comment, CData, Junk, Pi, StartName, InTag, AttributeValue, EndName, EndRest }

    private readonly ArrayBufferWriter<byte> _tag = new();
    private readonly byte[] _name = new byte[MaxNameBytes];
    private readonly byte[] _bang = new byte[7];
    private State _state;
    private readonly LineCounter _lines = new();
    private int _nameLength, _bangLength, _runLength;
    private byte _quote;
    private bool _slash, _atStart = true, _declarationCandidate;

    public bool Stopped { get; protected set; }

    /// <summary>Where the current tag's '&lt;' is; known only for tags whose bytes are kept.</summary>
    protected TextPosition TagStart { get; private set; }

    /// <summary>The current tag's bytes from its '&lt;', when kept and not over <see cref="MaxTagBytes"/>.</summary>
    protected ReadOnlySpan<byte> Tag => _tag.WrittenSpan;

    protected bool TagOverflow { get; private set; }

    protected TextPosition Position => _lines.Position;

    /// <summary>Whether the current tag's bytes are wanted (outside entries) or the scanner copies them itself.</summary>
    protected abstract bool KeepsTags { get; }

    public void Scan(ReadOnlySpan<byte> bytes)
    {
        _lines.Restart();
        SpanStarted();
        var i = 0;
        while (i < bytes.Length && !Stopped)
        {
            i = Step(bytes, i);
        }

        SpanEnded(bytes);
        _lines.Count(bytes, bytes.Length);
    }

    protected virtual void SpanStarted()
    {
    }

    protected virtual void SpanEnded(ReadOnlySpan<byte> bytes)
    {
    }

    /// <summary>A start tag's name is complete; <paramref name="i"/> is the byte after it.</summary>
    protected abstract void StartTagNamed(ReadOnlySpan<byte> bytes, int i);

    /// <summary>A start tag has ended at <paramref name="i"/>, its '>'.</summary>
    protected abstract void StartTagEnded(ReadOnlySpan<byte> bytes, int i, bool selfClosing);

    /// <summary>An end tag has ended at <paramref name="i"/>, its '>'.</summary>
    protected abstract void EndTagEnded(ReadOnlySpan<byte> bytes, int i);

    /// <summary>The XML declaration, first in the document.</summary>
    protected abstract void Declared(ReadOnlySpan<byte> declaration);

    /// <summary>What cannot be read on from: a DTD anywhere, a tag broken outside entries.</summary>
    protected abstract void Refuse(string problem, TextPosition at);

    /// <summary>The current tag's name as written, prefix included (names past 256 bytes are cut, start and end alike).</summary>
    protected string Name() => Encoding.UTF8.GetString(_name, 0, _nameLength);

    /// <summary>Takes one step of the state machine at <paramref name="i"/>; returns where the next step begins.</summary>
    private int Step(ReadOnlySpan<byte> bytes, int i)
    {
        var b = bytes[i];
        switch (_state)
        {
            case State.Text:
                var lt = bytes[i..].IndexOf((byte)'<');
                _atStart &= (lt < 0 ? bytes[i..] : bytes.Slice(i, lt)).IndexOfAnyExcept(" \t\r\n"u8) < 0;
                if (lt < 0)
                {
                    return bytes.Length;
                }

                BeginMarkup(bytes, i + lt);
                return i + lt + 1;
            case State.Open:
                _state = b switch { (byte)'/' => State.EndName, (byte)'!' => State.Bang, (byte)'?' => State.Pi, _ => IsNameEnd(b) ? State.Text : State.StartName };
                _bangLength = _runLength = 0;
                if (_state is State.StartName or State.Text)
                {
                    return i; // the name's first byte, or a stray '<' taken as text (an entry's own reading reports it)
                }

                KeepTag(bytes.Slice(i, 1));
                return i + 1;
            case State.Bang:
                return Bang(bytes, i);
            case State.Comment:
                return SkipUntil(bytes, i, (byte)'-', 2);
            case State.CData:
                return SkipUntil(bytes, i, (byte)']', 2);
            case State.Junk:
                return SkipUntil(bytes, i, 0, 0);
            case State.Pi:
                var afterPi = SkipUntil(bytes, i, (byte)'?', 1);
                if (_declarationCandidate)
                {
                    KeepTag(bytes[i..afterPi]);
                    if (_state == State.Text && !TagOverflow && Tag.Length > 6 && Tag.StartsWith("<?xml"u8) && IsNameEnd(Tag[5]))
                    {
                        Declared(Tag);
                    }
                }

                return afterPi;
            case State.StartName or State.EndName:
                if (!IsNameEnd(b))
                {
                    if (_nameLength < MaxNameBytes)
                    {
                        _name[_nameLength++] = b;
                    }

                    KeepTag(bytes.Slice(i, 1));
                    return i + 1;
                }

                if (_state == State.StartName)
                {
                    StartTagNamed(bytes, i);
                    _state = State.InTag;
                    _slash = false;
                }
                else
                {
                    _state = State.EndRest;
                }

                return i;
            case State.InTag:
                if (b is (byte)'"' or (byte)'\'')
                {
                    _quote = b;
                    _state = State.AttributeValue;
                }
                else if (b == '>')
                {
                    KeepTag(bytes.Slice(i, 1));
                    _state = State.Text;
                    StartTagEnded(bytes, i, _slash);
                    return i + 1;
                }
                else if (b == '<')
                {
                    return Broken(bytes, i);
                }

                _slash = b == '/';
                KeepTag(bytes.Slice(i, 1));
                return i + 1;
            case State.AttributeValue:
                var quote = bytes[i..].IndexOf(_quote);
                var end = quote < 0 ? bytes.Length : i + quote + 1;
                KeepTag(bytes[i..end]);
                _state = quote < 0 ? State.AttributeValue : State.InTag;
                _slash = false;
                return end;
            default: // EndRest: whitespace until '>'
                if (b == '<')
                {
                    return Broken(bytes, i);
                }

                if (b == '>')
                {
                    _state = State.Text;
                    EndTagEnded(bytes, i);
                }

                return i + 1;
        }
    }

    private void BeginMarkup(ReadOnlySpan<byte> bytes, int i)
    {
        _state = State.Open;
        _nameLength = 0;
        TagOverflow = false;
        _tag.ResetWrittenCount();
        _declarationCandidate = _atStart;
        _atStart = false;
        if (KeepsTags)
        {
            _lines.Count(bytes, i);
            TagStart = Position;
            _tag.Write("<"u8);
        }
    }

    /// <summary>After "&lt;!": a comment, a CDATA section, or a DTD declaration, which is refused.</summary>
    private int Bang(ReadOnlySpan<byte> bytes, int i)
    {
        _bang[_bangLength++] = bytes[i];
        var seen = _bang.AsSpan(0, _bangLength);
        if (seen.SequenceEqual("--"u8))
        {
            _state = State.Comment;
        }
        else if (seen.SequenceEqual("[CDATA["u8))
        {
            _state = State.CData;
        }
        else if (char.IsAsciiLetter((char)seen[0]))
        {
            _lines.Count(bytes, i);
            Refuse("the feed declares a DTD (<!DOCTYPE or <!ENTITY); DTDs are refused", KeepsTags ? TagStart : Position);
        }
        else if (!"--"u8.StartsWith(seen) && !"[CDATA["u8.StartsWith(seen))
        {
            _state = State.Junk;
        }

        return i + 1;
    }

    /// <summary>Skips to the '>' that follows <paramref name="count"/> of <paramref name="mark"/> in a row (the end
    /// of a comment, a CDATA section or a processing instruction; any '>' when <paramref name="count"/> is 0).</summary>
    private int SkipUntil(ReadOnlySpan<byte> bytes, int i, byte mark, int count)
    {
        while (i < bytes.Length)
        {
            var at = count == 0 ? bytes[i..].IndexOf((byte)'>') : bytes[i..].IndexOfAny(mark, (byte)'>');
            if (at != 0)
            {
                _runLength = 0; // other bytes came between
            }

            if (at < 0)
            {
                return bytes.Length;
            }

            i += at + 1;
            if (count > 0 && bytes[i - 1] == mark)
            {
                _runLength++;
                continue;
            }

            if (_runLength >= count)
            {
                _state = State.Text;
                return i;
            }

            _runLength = 0;
        }

        return i;
    }

    /// <summary>A '&lt;' inside a tag: the tag is broken. Inside an entry the entry's own reading reports it.</summary>
    private int Broken(ReadOnlySpan<byte> bytes, int i)
    {
        if (KeepsTags)
        {
            _lines.Count(bytes, i);
            Refuse("a tag is not closed", Position);
        }

        _state = State.Text;
        return i;
    }

    private void KeepTag(ReadOnlySpan<byte> bytes)
    {
        if (!KeepsTags || (_state == State.Pi && !_declarationCandidate))
        {
            return;
        }

        if (_tag.WrittenCount + bytes.Length > MaxTagBytes)
        {
            TagOverflow = true;
            return;
        }

        _tag.Write(bytes);
    }

    private static bool IsNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>' or (byte)'<';
}
