using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>
/// A receiver that writes its answer as raw bytes, the same answer to every request: it can say what Kestrel
/// (<see cref="WebhookReceiver"/>) refuses to send, such as a NUL in a header, as a hostile receiver would.
/// </summary>
public sealed class RawReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="answer">The whole HTTP/1.1 answer, status line to body; each char is one byte (Latin-1).</param>
    public RawReceiver(string answer)
    {
        _listener.Start();
        _loop = ServeAsync(Encoding.Latin1.GetBytes(answer));
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync(byte[] answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                await ReadRequestAsync(stream, _stop.Token);
                Interlocked.Increment(ref _requests);
                await stream.WriteAsync(answer, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                // The sender gave up on this connection; the next one is served all the same.
            }
        }
    }

    /// <summary>Reads the head and as much body as Content-Length says, so the answer follows a whole request.</summary>
    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The request ended before its head did.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.Latin1.GetString(received.ToArray(), 0, headEnd);
        var length = head.Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = received.Count - (headEnd + 4);
        while (body < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The request ended before its body did.");
            }

            body += read;
        }
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
