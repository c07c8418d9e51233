using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NewsWire.Api.Webhooks;

/// <summary>Names to addresses for webhooks; a seam so tests can make a name resolve to any address.</summary>
public interface IWebhookResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

internal sealed class DnsWebhookResolver : IWebhookResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>
/// The server-side request forgery guard (ADR 28): a webhook URL is an absolute http or https URL without user
/// information, whose host resolves only to addresses a webhook may reach. Checked when a subscription is made and
/// again for every connection (<see cref="WebhookHttp"/>), against the address actually connected to.
/// </summary>
public sealed class WebhookAddresses(IWebhookResolver resolver, IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The URL, or why a webhook may not be sent to it.</summary>
    public async Task<(Uri? Url, string? Refusal)> CheckAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "A webhook URL is required.");
        }

        if (text.Length > Storage.SubscriptionLimits.WebhookUrl)
        {
            return (null, $"The URL is longer than {Storage.SubscriptionLimits.WebhookUrl:N0} characters.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.IsFile || url.IsUnc)
        {
            return (null, "The URL is not an absolute URL.");
        }

        // What is stored and sent is the normalized form, which escaping (é → %C3%A9, space → %20) and punycode
        // make longer than the text; the limit is the column's, so it is checked on that form too.
        if (url.AbsoluteUri.Length > Storage.SubscriptionLimits.WebhookUrl)
        {
            return (null, $"The URL is longer than {Storage.SubscriptionLimits.WebhookUrl:N0} characters once escaped "
                + $"({url.AbsoluteUri.Length:N0}); non-ASCII characters and spaces take three characters per byte.");
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return (null, $"The URL's scheme is '{url.Scheme}'; a webhook is sent over http or https only.");
        }

        if (url.UserInfo.Length > 0)
        {
            return (null, "The URL carries a user name or password; put credentials in the path or query instead.");
        }

        if (url.Fragment.Length > 0)
        {
            return (null, "The URL has a fragment (#...), which is never sent; leave it out.");
        }

        var (_, refusal) = await AddressesAsync(url.IdnHost, cancellationToken);
        return refusal is null ? (url, null) : (null, refusal);
    }

    /// <summary>The addresses of <paramref name="host"/> a webhook may connect to, or why there are none: a name
    /// with any address that may not be reached is refused whole, since the connection could pick it.</summary>
    public async Task<(IPAddress[] Addresses, string? Refusal)> AddressesAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var literal))
        {
            return AddressRanges.Refusal(literal, options.Value.AllowPrivateNetworks) is { } refused
                ? ([], $"The address {literal} is {refused}.")
                : ([literal], null);
        }

        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(ResolveTimeout);
            try
            {
                addresses = await resolver.ResolveAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
            {
                return ([], $"The host '{host}' could not be resolved.");
            }
        }

        if (addresses.Length == 0)
        {
            return ([], $"The host '{host}' has no address.");
        }

        var allowPrivate = options.Value.AllowPrivateNetworks;
        foreach (var address in addresses)
        {
            if (AddressRanges.Refusal(address, allowPrivate) is { } refusal)
            {
                return ([], $"The host '{host}' resolves to {address}, which is {refusal}.");
            }
        }

        return (addresses, null);
    }
}
