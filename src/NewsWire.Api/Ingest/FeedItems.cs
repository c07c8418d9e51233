using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using NewsWire.Core.Text;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Reads an Atom feed or an RSS channel as a stream of import items, one buffer of the upload at a time:
/// <see cref="FeedScanner"/> finds each entry and <see cref="FeedEntryReader"/> reads it, so memory holds one
/// buffer and one entry whatever the feed's size, and one bad entry fails alone. An entry takes the same limit
/// as an NDJSON line (<see cref="MaxEntryBytes"/>); a longer one is reported and skipped without being held.
/// The feed's title and language stand in for source and lang when the client gives none (the first of each).
/// Every read is asynchronous and takes the cancellation token, so an abandoned upload stops being read.
/// </summary>
public static class FeedItems
{
    public const int MaxEntryBytes = NdjsonItems.MaxLineBytes;

    private static readonly StreamPipeReaderOptions Buffering = new(bufferSize: 64 * 1024);

    public static async IAsyncEnumerable<ImportItem> ReadAsync(
        Stream stream, string? source, string? lang, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var upload = PipeReader.Create(stream, Buffering);
        var input = upload;
        try
        {
            var ready = new List<ImportItem>();
            var feed = new FeedValues(source, lang);
            var (utf8, transcoded) = await AsUtf8Async(upload, cancellationToken);
            input = utf8;
            var scanner = new FeedScanner(MaxEntryBytes, transcoded, piece =>
            {
                if (feed.Take(piece) is { } item)
                {
                    ready.Add(item);
                }
            });
            while (true)
            {
                var result = await input.ReadAsync(cancellationToken);
                feed.Now = clock.GetUtcNow().UtcDateTime;
                foreach (var segment in result.Buffer)
                {
                    scanner.Scan(segment.Span);
                }

                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    scanner.Finish();
                }

                foreach (var item in ready)
                {
                    yield return item;
                }

                ready.Clear();
                if (result.IsCompleted || scanner.Stopped)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await input.CompleteAsync();
            await upload.CompleteAsync();
        }
    }

    /// <summary>The scanner reads ASCII-compatible bytes: a UTF-16 upload (by its byte order mark, or "&lt;?" in
    /// UTF-16) is transcoded to UTF-8 as it is read, and a UTF-8 byte order mark is dropped.</summary>
    private static async Task<(PipeReader Reader, bool Transcoded)> AsUtf8Async(PipeReader upload, CancellationToken cancellationToken)
    {
        if (await SniffAsync(upload, cancellationToken) is not { } utf16)
        {
            return (upload, false);
        }

        var utf8 = PipeReader.Create(Encoding.CreateTranscodingStream(upload.AsStream(leaveOpen: true), utf16, Encoding.UTF8), Buffering);
        await SniffAsync(utf8, cancellationToken); // the byte order mark, now in UTF-8
        return (utf8, true);
    }

    /// <summary>Consumes a UTF-8 byte order mark and nothing else; returns the UTF-16 encoding the upload is in, if it is.</summary>
    private static async Task<Encoding?> SniffAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAtLeastAsync(4, cancellationToken);
        var head = result.Buffer.Slice(0, Math.Min(4, result.Buffer.Length)).ToArray();
        Encoding? utf16 = head switch
        {
            [0xFF, 0xFE, ..] or [0x3C, 0x00, 0x3F, 0x00] => Encoding.Unicode,
            [0xFE, 0xFF, ..] or [0x00, 0x3C, 0x00, 0x3F] => Encoding.BigEndianUnicode,
            _ => null,
        };
        reader.AdvanceTo(result.Buffer.GetPosition(utf16 is null && head is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0));
        return utf16;
    }

    /// <summary>The feed's own title and language as the scanner finds them, and what each piece becomes.</summary>
    private sealed class FeedValues(string? source, string? lang)
    {
        private string? _title, _language;

        public DateTime Now { get; set; }

        public ImportItem? Take(FeedPiece piece)
        {
            switch (piece.Kind)
            {
                case FeedPieceKind.FeedTitle:
                    _title ??= NonEmpty(FeedXml.Text(piece));
                    return null;
                case FeedPieceKind.FeedLanguage:
                    _language ??= NonEmpty(FeedXml.Text(piece));
                    return null;
                case FeedPieceKind.Stop:
                    return new ImportItem(piece.Entry, null, new Dictionary<string, string[]> { ["xml"] = [piece.Problem!] });
                default:
                    return FeedEntryReader.Read(piece, new FeedDefaults(source ?? _title, lang, _language), Now);
            }
        }

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : PlainText.NormalizeLine(text);
    }
}
