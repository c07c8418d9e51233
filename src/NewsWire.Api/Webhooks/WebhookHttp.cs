using System.Net;
using System.Net.Sockets;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// The one HTTP client webhooks leave through (ADR 28). Every connection resolves its host and checks each
/// address itself (<see cref="SocketsHttpHandler.ConnectCallback"/>), then connects to the address it checked: a
/// name that resolved to a public address when the subscription was made and to 10.0.0.1 now (DNS rebinding) is
/// refused at connect time. Redirects are not followed and no proxy is used, since either would send the request
/// somewhere this check never saw.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    public WebhookHttp(WebhookAddresses addresses)
    {
        _handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            // A pooled connection keeps the address it was checked against; a short life bounds how long a
            // name's old answer is used.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(addresses, context.DnsEndPoint, cancellationToken),
        };
        Client = new HttpClient(_handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("NewsWire-Webhooks/1.0");
    }

    public HttpClient Client { get; }

    private static async ValueTask<Stream> ConnectAsync(WebhookAddresses addresses, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var (allowed, refusal) = await addresses.AddressesAsync(endPoint.Host, cancellationToken);
        if (refusal is not null)
        {
            throw new WebhookRefusedException(refusal);
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}

/// <summary>A webhook connection refused by the address check at connect time.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
