using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Reads NDJSON (one ArticleInput per line) as a stream: only one buffer of input is held at a time, so a
/// gigabyte upload costs the memory of its longest line, and a line longer than the single-article limit
/// is reported as failed and skipped, never buffered whole. Blank lines are skipped but counted, so line
/// numbers match what an editor shows.
/// </summary>
public static class NdjsonItems
{
    public const int MaxLineBytes = ArticleLimits.RequestBytes;

    public static async IAsyncEnumerable<ImportItem> ReadAsync(
        Stream stream, JsonSerializerOptions options, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var line = 0;
        var skippingOverlongLine = false;
        var ready = new List<ImportItem>();
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                var now = clock.GetUtcNow().UtcDateTime;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    var content = buffer.Slice(0, end);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                    line++;
                    if (skippingOverlongLine)
                    {
                        skippingOverlongLine = false; // this was the tail of a line already reported
                        continue;
                    }

                    AddItem(ready, line, content, options, now);
                }

                if (result.IsCompleted)
                {
                    if (!skippingOverlongLine && !buffer.IsEmpty)
                    {
                        AddItem(ready, ++line, buffer, options, now);
                    }

                    buffer = buffer.Slice(buffer.End);
                }
                else if (buffer.Length > MaxLineBytes && !skippingOverlongLine)
                {
                    ready.Add(new ImportItem(++line, null, new Dictionary<string, string[]>
                    {
                        ["line"] = [$"The line is longer than {MaxLineBytes:N0} bytes, the limit for one article."],
                    }));
                    skippingOverlongLine = true;
                    line--; // counted again when its newline arrives
                    buffer = buffer.Slice(buffer.End);
                }
                else if (skippingOverlongLine)
                {
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                foreach (var item in ready)
                {
                    yield return item;
                }

                ready.Clear();
                if (result.IsCompleted)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static void AddItem(List<ImportItem> items, int line, ReadOnlySequence<byte> content, JsonSerializerOptions options, DateTime now)
    {
        var bytes = content.IsSingleSegment ? content.FirstSpan : content.ToArray();
        bytes = bytes.TrimEnd((byte)'\r');
        if (bytes.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        var result = ArticleJson.ToDraft(bytes, options, now);
        items.Add(new ImportItem(line, result.Draft, result.Draft is null ? result.Errors : null));
    }
}
