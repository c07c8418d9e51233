using System.Runtime.InteropServices;
using System.Text;
using System.Xml;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Reading the small standalone documents <see cref="FeedScanner"/> produces. They are in memory and bounded,
/// so they are read synchronously; DTDs are refused (no entity expansion, no external fetches).
/// </summary>
internal static class FeedXml
{
    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>A reader over <paramref name="document"/> in place: an entry may be megabytes, read two or three times.</summary>
    public static XmlReader Open(ReadOnlyMemory<byte> document)
    {
        var bytes = MemoryMarshal.TryGetArray(document, out var segment) ? segment : new ArraySegment<byte>(document.ToArray());
        return XmlReader.Create(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), ReaderSettings);
    }

    /// <summary>Moves to the first element at <paramref name="depth"/>: the piece, under the feed's start tags.</summary>
    public static void MoveTo(XmlReader reader, int depth)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth)
            {
                return;
            }
        }

        throw new XmlException("The document has no element at the expected depth.");
    }

    /// <summary>Where the piece stops being well-formed XML, in the upload's lines and positions; null when it is.</summary>
    public static TextPosition? FirstError(FeedPiece piece)
    {
        try
        {
            using var reader = Open(piece.Document);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return piece.InUpload(e.LineNumber, e.LinePosition);
        }
    }

    /// <summary>All the text inside the piece's element (markup dropped), or null when it is not well-formed.</summary>
    public static string? Text(FeedPiece piece)
    {
        try
        {
            using var reader = Open(piece.Document);
            MoveTo(reader, piece.Depth);
            return InnerText(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The text of the piece's first child element named so, or null; for messages about a bad value.</summary>
    public static string? ChildText(FeedPiece piece, string localName, string ns)
    {
        try
        {
            using var reader = Open(piece.Document);
            MoveTo(reader, piece.Depth);
            while (reader.Read() && reader.Depth > piece.Depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == piece.Depth + 1 && reader.LocalName == localName && reader.NamespaceURI == ns)
                {
                    return InnerText(reader);
                }
            }

            return null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>On a start element: the text of everything inside it, markup dropped.</summary>
    public static string InnerText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }
}
