using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Finds the entries of an Atom feed or the items of an RSS channel in the upload's bytes, one buffer at a time,
/// and hands each to the caller as a small standalone document (<see cref="FeedPiece"/>). Why not XmlReader over
/// the whole upload: it holds a whole start tag in memory (a 100 MB attribute is 200 MB of characters) and cannot
/// skip an entry past a size limit without reading it whole, and it has no way back once a document breaks.
/// This tokenizer knows only what finds the entries' bounds (tags, quoted attribute values, comments, CDATA,
/// processing instructions) and keeps the open elements and at most one entry of the per-article limit; text,
/// tags and entries of any length elsewhere pass through uncopied. The bytes must be in an ASCII-compatible
/// encoding (UTF-8, ISO-8859-x, windows-125x; FeedItems turns UTF-16 into UTF-8 first). Whether an entry is
/// well-formed is left to XmlReader on the entry alone, so a broken entry fails by itself: an end tag that
/// matches an element further out closes the ones inside it, as an HTML parser would, and the scan goes on.
/// </summary>
internal sealed class FeedScanner(int maxEntryBytes, bool transcoded, Action<FeedPiece> found)
{
    /// <summary>The tags outside entries (root, channel, title) are short; past this one cannot be kept.</summary>
    public const int MaxTagBytes = 64 * 1024;
    private const int MaxFeedValueBytes = 64 * 1024;
    private const int MaxNameBytes = 256;
    private const int MaxTrackedDepth = 256;

    private enum State { Text, Open, Bang, Comment, CData, Junk, Pi, StartName, InTag, AttributeValue, EndName, EndRest }

    private readonly FeedOutline _outline = new();
    private readonly ArrayBufferWriter<byte> _tag = new();
    private readonly byte[] _name = new byte[MaxNameBytes];
    private readonly ArrayBufferWriter<byte> _capture = new();
    private readonly List<string> _captureOpen = [];
    private readonly byte[] _bang = new byte[7];

    private State _state;
    private int _line = 1, _column = 1, _synced;
    private TextPosition _tagStart;
    private int _nameLength, _bangLength, _runLength;
    private byte _quote;
    private bool _slash, _atStart = true, _declarationCandidate, _tagOverflow;
    private FeedOutline.Role _role;
    private int _entries;

    private bool _capturing, _captureTooLarge, _captureOpened;
    private FeedPieceKind _captureKind;
    private TextPosition _captureStart;
    private int _captureFrom, _capturePrefix, _captureLimit, _untracked;

    public bool Stopped { get; private set; }

    public void Scan(ReadOnlySpan<byte> bytes)
    {
        _synced = 0;
        _captureFrom = 0;
        var i = 0;
        while (i < bytes.Length && !Stopped)
        {
            i = Step(bytes, i);
        }

        if (_capturing)
        {
            AppendCapture(bytes[_captureFrom..]);
        }

        Sync(bytes, bytes.Length);
    }

    /// <summary>The upload has ended.</summary>
    public void Finish()
    {
        if (Stopped)
        {
            return;
        }

        if (_capturing && _captureKind == FeedPieceKind.Entry)
        {
            Deliver(FeedPieceKind.CutOffEntry, default);
        }
        else if (!_outline.Started)
        {
            Stop("the upload holds no feed (no root element)", new TextPosition(_line, _column));
        }
        else if (!_outline.Ended)
        {
            Stop($"the feed ends before its end tag (</{_outline.Innermost ?? "root"}>)", new TextPosition(_line, _column));
        }
    }

    /// <summary>Takes one step of the state machine at <paramref name="i"/>; returns where the next step begins.</summary>
    private int Step(ReadOnlySpan<byte> bytes, int i)
    {
        var b = bytes[i];
        switch (_state)
        {
            case State.Text:
                var lt = bytes[i..].IndexOf((byte)'<');
                var text = lt < 0 ? bytes[i..] : bytes.Slice(i, lt);
                _atStart &= text.IndexOfAnyExcept(" \t\r\n"u8) < 0;
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
                return SkipUntil(bytes, i, (byte)'-', 2, State.Text);
            case State.CData:
                return SkipUntil(bytes, i, (byte)']', 2, State.Text);
            case State.Pi:
                var afterPi = SkipUntil(bytes, i, (byte)'?', 1, State.Text);
                if (_declarationCandidate)
                {
                    KeepTag(bytes[i..afterPi]);
                    if (_state == State.Text)
                    {
                        Declared();
                    }
                }

                return afterPi;
            case State.Junk:
                return SkipUntil(bytes, i, 0, 0, State.Text);
            case State.StartName or State.EndName:
                if (!IsNameEnd(b))
                {
                    KeepName(bytes.Slice(i, 1));
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
                    EndTagEnded(bytes, i);
                }

                return i + 1;
        }
    }

    private void BeginMarkup(ReadOnlySpan<byte> bytes, int i)
    {
        _state = State.Open;
        _nameLength = 0;
        _tagOverflow = false;
        _tag.ResetWrittenCount();
        _declarationCandidate = _atStart;
        _atStart = false;
        if (!_capturing)
        {
            Sync(bytes, i);
            _tagStart = new TextPosition(_line, _column);
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
            Sync(bytes, i);
            Stop("the feed declares a DTD (<!DOCTYPE or <!ENTITY); DTDs are refused", _capturing ? new TextPosition(_line, _column) : _tagStart);
        }
        else if (!"--"u8.StartsWith(seen) && !"[CDATA["u8.StartsWith(seen))
        {
            _state = State.Junk;
        }

        return i + 1;
    }

    /// <summary>Skips to the '>' that follows <paramref name="count"/> of <paramref name="mark"/> (the ends of a comment, a CDATA section, a processing instruction).</summary>
    private int SkipUntil(ReadOnlySpan<byte> bytes, int i, byte mark, int count, State next)
    {
        while (i < bytes.Length)
        {
            var at = count == 0 ? bytes[i..].IndexOf((byte)'>') : bytes[i..].IndexOfAny(mark, (byte)'>');
            if (at < 0)
            {
                _runLength = count > 0 && bytes[^1] == mark ? _runLength : 0;
                return bytes.Length;
            }

            if (at > 0)
            {
                _runLength = 0;
            }

            i += at + 1;
            if (bytes[i - 1] == mark && count > 0)
            {
                _runLength++;
            }
            else if (_runLength >= count)
            {
                _state = next;
                return i;
            }
            else
            {
                _runLength = 0;
            }
        }

        return i;
    }

    /// <summary>A start tag's name is complete at <paramref name="i"/>: is it an entry, a feed value, or neither?</summary>
    private void StartTagNamed(ReadOnlySpan<byte> bytes, int i)
    {
        if (_capturing)
        {
            return;
        }

        _atStart = false;
        var name = Name();
        if (_outline.Ended)
        {
            Stop($"<{name}> follows the end of the feed", _tagStart);
            return;
        }

        _role = _outline.Classify(name);
        if (_role is FeedOutline.Role.Entry or FeedOutline.Role.Title or FeedOutline.Role.Language)
        {
            BeginCapture(bytes, i);
        }
    }

    private void StartTagEnded(ReadOnlySpan<byte> bytes, int i, bool selfClosing)
    {
        _state = State.Text;
        if (_capturing)
        {
            if (!_captureOpened)
            {
                _captureOpened = true; // the entry's own start tag, its name already open
                if (selfClosing)
                {
                    EndCapture(bytes, i);
                }

                return;
            }

            if (selfClosing)
            {
                return;
            }

            if (_captureOpen.Count < MaxTrackedDepth)
            {
                _captureOpen.Add(Name());
            }
            else
            {
                _untracked++;
            }

            return;
        }

        if (_tagOverflow && _role is FeedOutline.Role.Root or FeedOutline.Role.Channel)
        {
            Stop(Invariant($"the <{Name()}> start tag is longer than {MaxTagBytes:N0} bytes"), _tagStart);
        }
        else if (selfClosing)
        {
            if (_role == FeedOutline.Role.Root)
            {
                _outline.EndEmpty();
            }
        }
        else if (_outline.Open(Name(), _role, _tag.WrittenSpan) is { } problem)
        {
            Stop(problem, _tagStart);
        }
    }

    private void EndTagEnded(ReadOnlySpan<byte> bytes, int i)
    {
        _state = State.Text;
        var name = Name();
        if (!_capturing)
        {
            if (!_outline.Close(name))
            {
                Stop($"</{name}> does not close <{_outline.Innermost ?? "anything"}>", _tagStart);
            }

            return;
        }

        if (_untracked > 0)
        {
            _untracked--;
            return;
        }

        // The matching element, or one further out when an inner end tag is missing; a stray end tag is ignored.
        var open = _captureOpen.LastIndexOf(name);
        if (open >= 0)
        {
            _captureOpen.RemoveRange(open, _captureOpen.Count - open);
            if (open == 0)
            {
                EndCapture(bytes, i);
            }
        }
    }

    /// <summary>A '&lt;' inside a tag: the tag is broken. Inside an entry the entry's own reading reports it.</summary>
    private int Broken(ReadOnlySpan<byte> bytes, int i)
    {
        if (!_capturing)
        {
            Sync(bytes, i);
            Stop("a tag is not closed", new TextPosition(_line, _column));
        }

        _state = State.Text;
        return i;
    }

    private void BeginCapture(ReadOnlySpan<byte> bytes, int i)
    {
        _capturing = true;
        _captureOpened = _captureTooLarge = false;
        _captureOpen.Clear();
        _untracked = 0;
        _captureKind = _role switch
        {
            FeedOutline.Role.Entry => FeedPieceKind.Entry,
            FeedOutline.Role.Title => FeedPieceKind.FeedTitle,
            _ => FeedPieceKind.FeedLanguage,
        };
        _captureLimit = _captureKind == FeedPieceKind.Entry ? maxEntryBytes : MaxFeedValueBytes;
        _captureStart = _tagStart;
        if (_captureKind == FeedPieceKind.Entry)
        {
            _entries++;
        }

        _capture.ResetWrittenCount();
        _outline.WritePrefix(_capture);
        _capturePrefix = _capture.WrittenCount;
        AppendCapture(_tag.WrittenSpan);
        _captureOpen.Add(Name());
        _captureFrom = i;
    }

    private void EndCapture(ReadOnlySpan<byte> bytes, int i)
    {
        AppendCapture(bytes[_captureFrom..(i + 1)]);
        _capturing = false;
        if (_captureTooLarge)
        {
            if (_captureKind == FeedPieceKind.Entry)
            {
                Deliver(FeedPieceKind.OversizedEntry, default);
            }

            return;
        }

        _outline.WriteSuffix(_capture);
        Deliver(_captureKind, _capture.WrittenMemory);
    }

    private void AppendCapture(ReadOnlySpan<byte> bytes)
    {
        if (_captureTooLarge)
        {
            return;
        }

        if (_capture.WrittenCount - _capturePrefix + bytes.Length > _captureLimit)
        {
            _captureTooLarge = true;
            _capture.ResetWrittenCount();
            return;
        }

        _capture.Write(bytes);
    }

    private void Deliver(FeedPieceKind kind, ReadOnlyMemory<byte> document) =>
        found(new FeedPiece(kind, _outline.Format, _entries, _captureStart, document, _outline.EntryDepth, _outline.EntryLine));

    private void Stop(string problem, TextPosition at)
    {
        Stopped = true;
        var message = Invariant($"The feed cannot be read past line {at.Line}, position {at.Column}: {problem}. The entries before it were read.");
        found(new FeedPiece(FeedPieceKind.Stop, _outline.Format, _entries + 1, at, default, 0, 0, message));
    }

    private void KeepTag(ReadOnlySpan<byte> bytes)
    {
        if (_capturing)
        {
            return;
        }

        if (_tag.WrittenCount + bytes.Length > MaxTagBytes)
        {
            _tagOverflow = true;
            return;
        }

        _tag.Write(bytes);
    }

    /// <summary>A processing instruction first in the document: the XML declaration, kept for every entry.</summary>
    private void Declared()
    {
        var pi = _tag.WrittenSpan;
        if (_tagOverflow || pi.Length < 7 || !pi.StartsWith("<?xml"u8) || !IsNameEnd(pi[5]))
        {
            return;
        }

        if (_outline.Declare(pi, transcoded) is { } problem)
        {
            Stop(problem, _tagStart);
        }
    }

    private void KeepName(ReadOnlySpan<byte> bytes)
    {
        if (_nameLength < MaxNameBytes)
        {
            _name[_nameLength++] = bytes[0];
        }

        KeepTag(bytes);
    }

    private string Name() => Encoding.UTF8.GetString(_name, 0, _nameLength);

    private static bool IsNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>' or (byte)'<';

    /// <summary>Brings the line and character position up to <paramref name="i"/>; UTF-8 continuation bytes are not characters.</summary>
    private void Sync(ReadOnlySpan<byte> bytes, int i)
    {
        if (i <= _synced)
        {
            return;
        }

        var run = bytes[_synced..i];
        var newline = run.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            _line += run.Count((byte)'\n');
            _column = 1;
            run = run[(newline + 1)..];
        }

        foreach (var b in run)
        {
            _column += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        _synced = i;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
