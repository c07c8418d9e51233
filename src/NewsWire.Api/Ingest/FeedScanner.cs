using System.Buffers;
using System.Globalization;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Finds the entries of an Atom feed or the items of an RSS channel in the upload's bytes, one buffer at a time,
/// and hands each to the caller as a small standalone document (<see cref="FeedPiece"/>); the feed's title and
/// language too. Why not XmlReader over the whole upload: it holds a whole start tag in memory (a 100 MB attribute
/// is 200 MB of characters), cannot skip an entry past a size limit without reading it whole, and has no way
/// back once a document breaks. Memory holds the open elements (<see cref="FeedOutline"/>) and at most one entry
/// of the per-article limit; an entry over it is counted, reported and skipped. Whether an entry is well-formed
/// is left to XmlReader on the entry alone, so a broken entry fails by itself: an end tag that matches an element
/// further out closes the ones inside it, as an HTML parser would, and the scan goes on after the entry.
/// </summary>
internal sealed class FeedScanner(int maxEntryBytes, bool transcoded, Action<FeedPiece> found) : FeedTokenizer
{
    private const int MaxFeedValueBytes = 64 * 1024;
    private const int MaxTrackedDepth = 256;

    private readonly FeedOutline _outline = new();
    private readonly ArrayBufferWriter<byte> _capture = new();
    private readonly List<string> _captureOpen = [];
    private FeedOutline.Role _role;
    private int _entries;

    private bool _capturing, _captureTooLarge, _captureOpened;
    private FeedPieceKind _captureKind;
    private TextPosition _captureStart;
    private int _captureFrom, _capturePrefix, _captureLimit, _untracked;

    protected override bool KeepsTags => !_capturing;

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
            Refuse("the upload holds no feed (no root element)", Position);
        }
        else if (!_outline.Ended)
        {
            Refuse($"the feed ends before its end tag (</{_outline.Innermost}>)", Position);
        }
    }

    protected override void SpanStarted() => _captureFrom = 0;

    protected override void SpanEnded(ReadOnlySpan<byte> bytes)
    {
        if (_capturing)
        {
            AppendCapture(bytes[_captureFrom..]);
        }
    }

    /// <summary>Is the element an entry, a feed value, or neither? An entry is copied from its '&lt;' on.</summary>
    protected override void StartTagNamed(ReadOnlySpan<byte> bytes, int i)
    {
        if (_capturing)
        {
            return;
        }

        var name = Name();
        if (_outline.Ended)
        {
            Refuse($"<{name}> follows the end of the feed", TagStart);
            return;
        }

        _role = _outline.Classify(name);
        if (_role is FeedOutline.Role.Entry or FeedOutline.Role.Title or FeedOutline.Role.Language)
        {
            BeginCapture(name, i);
        }
    }

    protected override void StartTagEnded(ReadOnlySpan<byte> bytes, int i, bool selfClosing)
    {
        if (_capturing)
        {
            if (!_captureOpened)
            {
                _captureOpened = true; // the entry's own start tag: its name is open already
                if (selfClosing)
                {
                    EndCapture(bytes, i);
                }
            }
            else if (!selfClosing && _captureOpen.Count < MaxTrackedDepth)
            {
                _captureOpen.Add(Name());
            }
            else if (!selfClosing)
            {
                _untracked++;
            }

            return;
        }

        if (TagOverflow && _role is FeedOutline.Role.Root or FeedOutline.Role.Channel)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"the <{Name()}> start tag is longer than {MaxTagBytes:N0} bytes"), TagStart);
        }
        else if (selfClosing)
        {
            if (_role == FeedOutline.Role.Root)
            {
                _outline.EndEmpty();
            }
        }
        else if (_outline.Open(Name(), _role, Tag) is { } problem)
        {
            Refuse(problem, TagStart);
        }
    }

    protected override void EndTagEnded(ReadOnlySpan<byte> bytes, int i)
    {
        var name = Name();
        if (!_capturing)
        {
            if (!_outline.Close(name))
            {
                Refuse($"</{name}> does not close <{_outline.Innermost ?? "anything"}>", TagStart);
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

    protected override void Declared(ReadOnlySpan<byte> declaration)
    {
        if (_outline.Declare(declaration, transcoded) is { } problem)
        {
            Refuse(problem, TagStart);
        }
    }

    protected override void Refuse(string problem, TextPosition at)
    {
        Stopped = true;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"The feed cannot be read past line {at.Line}, position {at.Column}: {problem}. The entries before it were read.");
        found(new FeedPiece(FeedPieceKind.Stop, _outline.Format, _entries + 1, at, default, 0, 0, message));
    }

    private void BeginCapture(string name, int i)
    {
        _capturing = true;
        _captureOpened = _captureTooLarge = false;
        _captureOpen.Clear();
        _captureOpen.Add(name);
        _untracked = 0;
        _captureKind = _role switch
        {
            FeedOutline.Role.Entry => FeedPieceKind.Entry,
            FeedOutline.Role.Title => FeedPieceKind.FeedTitle,
            _ => FeedPieceKind.FeedLanguage,
        };
        _captureLimit = _captureKind == FeedPieceKind.Entry ? maxEntryBytes : MaxFeedValueBytes;
        _captureStart = TagStart;
        if (_captureKind == FeedPieceKind.Entry)
        {
            _entries++;
        }

        _capture.ResetWrittenCount();
        _outline.WritePrefix(_capture);
        _capturePrefix = _capture.WrittenCount;
        AppendCapture(Tag); // "<" and the name, kept while the name was read
        _captureFrom = i;
    }

    private void EndCapture(ReadOnlySpan<byte> bytes, int i)
    {
        AppendCapture(bytes[_captureFrom..(i + 1)]);
        _capturing = false;
        if (!_captureTooLarge)
        {
            _outline.WriteSuffix(_capture);
            Deliver(_captureKind, _capture.WrittenMemory);
        }
        else if (_captureKind == FeedPieceKind.Entry)
        {
            Deliver(FeedPieceKind.OversizedEntry, default);
        }
    }

    /// <summary>Copies what belongs to the piece, until it passes its limit; then nothing more is kept.</summary>
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
}
