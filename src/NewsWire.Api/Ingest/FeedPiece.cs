namespace NewsWire.Api.Ingest;

internal enum FeedFormat { Unknown, Atom, Rss }

internal enum FeedPieceKind
{
    /// <summary>An entry (Atom) or item (RSS), whole, as a standalone document.</summary>
    Entry,
    /// <summary>An entry longer than the per-article limit: counted and skipped, never buffered.</summary>
    OversizedEntry,
    /// <summary>An entry the document ends inside.</summary>
    CutOffEntry,
    /// <summary>The feed's own title (Atom feed/title, RSS channel/title) as a standalone document.</summary>
    FeedTitle,
    /// <summary>The channel's language (RSS language or dc:language) as a standalone document.</summary>
    FeedLanguage,
    /// <summary>The document cannot be read past this point; <see cref="FeedPiece.Problem"/> says why.</summary>
    Stop,
}

/// <summary>1-based line and character position in the uploaded document, as XmlReader counts them.</summary>
internal readonly record struct TextPosition(int Line, int Column);

/// <summary>
/// One thing <see cref="FeedScanner"/> found. <see cref="Document"/> is valid only during the callback that
/// receives it: the XML declaration, the start tags of the feed elements around the piece, the piece itself
/// starting on line <see cref="FirstLine"/> at depth <see cref="Depth"/>, and the matching end tags.
/// </summary>
internal readonly record struct FeedPiece(
    FeedPieceKind Kind, FeedFormat Format, int Entry, TextPosition Start, ReadOnlyMemory<byte> Document, int Depth, int FirstLine,
    string? Problem = null)
{
    /// <summary>Where a position in <see cref="Document"/> is in the uploaded document.</summary>
    public TextPosition InUpload(int line, int column) =>
        line < FirstLine ? Start
        : line == FirstLine ? new TextPosition(Start.Line, Start.Column + column - 1)
        : new TextPosition(Start.Line + line - FirstLine, column);
}
