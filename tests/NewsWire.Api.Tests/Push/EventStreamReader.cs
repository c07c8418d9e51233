using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Push;

/// <summary>One server-sent event as the wire carries it.</summary>
public sealed record StreamEvent(string? Type, string? Id, string Data)
{
    public ArticleSummary Article => System.Text.Json.JsonSerializer.Deserialize<ArticleSummary>(Data, HttpExtensions.Json)!;
}

/// <summary>
/// A client of <c>GET /api/search/stream</c> reading the answer line by line as it arrives (the WHATWG
/// event-stream format: <c>field: value</c> lines, a blank line ends an event, <c>:</c> starts a comment). Comments
/// are kept too, since the stream's first one says that it is open and its heartbeats are comments.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(8);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public List<string> Comments { get; } = [];

    /// <summary>Opens the stream and waits for its first comment: from then on, every write is seen.</summary>
    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string query, string? lastEventId = null)
    {
        var response = await SendAsync(client, query, lastEventId);
        // The body of an open stream never ends: read it only to show a refusal.
        response.StatusCode.Should().Be(HttpStatusCode.OK, response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync());
        var stream = new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
        var first = await stream.ReadAsync();
        first.Comment.Should().NotBeNull("a stream opens with a comment");
        return stream;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string query, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search/stream?" + query);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The next event (comments noted on the way), or null at the end of the stream.</summary>
    public async Task<StreamEvent?> NextEventAsync()
    {
        while (true)
        {
            var (next, comment) = await ReadAsync();
            if (next is not null || comment is null)
            {
                return next;
            }
        }
    }

    /// <summary>Reads until the next comment (a heartbeat, say) and returns the events on the way, in order.</summary>
    public async Task<List<StreamEvent>> EventsUntilCommentAsync()
    {
        var events = new List<StreamEvent>();
        while (true)
        {
            var (next, comment) = await ReadAsync();
            if (next is null)
            {
                return comment is null ? throw new InvalidOperationException("The stream ended.") : events;
            }

            events.Add(next);
        }
    }

    /// <summary>One event, or one comment, or neither at the end of the stream.</summary>
    private async Task<(StreamEvent? Event, string? Comment)> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? type = null, id = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0 || type is not null)
                {
                    return (new StreamEvent(type, id, string.Join('\n', data)), null);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                var comment = line[1..].Trim();
                Comments.Add(comment);
                return (null, comment);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "event": type = value; break;
                case "id": id = value; break;
                case "data": data.Add(value); break;
            }
        }

        return (null, null);
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
