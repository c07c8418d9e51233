using System.Net;
using System.Net.Sockets;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach (ADR 28), and why. Private ones (loopback, RFC 1918, unique local,
/// CGNAT) are allowed by <c>NewsWire:Webhooks:AllowPrivateNetworks</c>; the rest never are: link-local (where
/// cloud metadata answers, 169.254.169.254), unspecified, multicast, broadcast and reserved space reach no
/// receiver a subscriber could own. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4)
/// are judged by that address.
/// </summary>
public static class AddressRanges
{
    public enum Kind
    {
        Public,
        Private,
        Forbidden,
    }

    private static readonly (IPNetwork Network, Kind Kind, string Name)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), Kind.Forbidden, "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), Kind.Private, "a private address (RFC 1918)"),
        (IPNetwork.Parse("100.64.0.0/10"), Kind.Private, "a shared (CGNAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), Kind.Private, "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), Kind.Forbidden, "a link-local address (where cloud metadata services answer)"),
        (IPNetwork.Parse("172.16.0.0/12"), Kind.Private, "a private address (RFC 1918)"),
        (IPNetwork.Parse("192.0.0.0/24"), Kind.Forbidden, "a reserved address"),
        (IPNetwork.Parse("192.168.0.0/16"), Kind.Private, "a private address (RFC 1918)"),
        (IPNetwork.Parse("198.18.0.0/15"), Kind.Forbidden, "a reserved address"),
        (IPNetwork.Parse("224.0.0.0/4"), Kind.Forbidden, "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), Kind.Forbidden, "a reserved or broadcast address"),
        (IPNetwork.Parse("::/128"), Kind.Forbidden, "an unspecified address"),
        (IPNetwork.Parse("::1/128"), Kind.Private, "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), Kind.Private, "a private address (unique local)"),
        (IPNetwork.Parse("fe80::/10"), Kind.Forbidden, "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), Kind.Private, "a private address (site-local)"),
        (IPNetwork.Parse("ff00::/8"), Kind.Forbidden, "a multicast address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    /// <summary>What <paramref name="address"/> is, with the reason when it is not public.</summary>
    public static (Kind Kind, string? Reason) Classify(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } v4)
        {
            address = v4;
        }

        foreach (var (network, kind, name) in Ranges)
        {
            if (network.Contains(address))
            {
                return (kind, name);
            }
        }

        return (Kind.Public, null);
    }

    /// <summary>Why a webhook may not connect to <paramref name="address"/> ("a loopback address"), or null when it may.</summary>
    public static string? Refusal(IPAddress address, bool allowPrivateNetworks) => Classify(address) switch
    {
        (Kind.Public, _) => null,
        (Kind.Private, _) when allowPrivateNetworks => null,
        (Kind.Private, var reason) => $"{reason}, and NewsWire:Webhooks:AllowPrivateNetworks is off",
        (_, var reason) => reason,
    };

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
        {
            return new IPAddress(bytes[12..16]);
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes[2..6]) : null;
    }
}
