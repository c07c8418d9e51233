using System.Net;
using System.Net.Sockets;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// Which addresses a webhook may not reach (ADR 28), and why. Private ones (loopback, RFC 1918, unique local,
/// CGNAT) are allowed by <c>NewsWire:Webhooks:AllowPrivateNetworks</c>; the rest never are: link-local (where
/// cloud metadata answers, 169.254.169.254), unspecified, multicast, broadcast and reserved space reach no
/// receiver a subscriber could own. IPv6 forms that carry an IPv4 address (mapped, SIIT's translated, compatible,
/// NAT64, 6to4, Teredo) are judged by that address, the strictest where it carries two; local-use NAT64, where
/// the operator decides where the IPv4 address sits, is refused whole.
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
        // RFC 8215: the operator places the IPv4 address anywhere from bit 48 to 96 (RFC 6052's formats), so no one
        // reading of it can be trusted.
        (IPNetwork.Parse("64:ff9b:1::/48"), Kind.Forbidden, "a local-use NAT64 address (RFC 8215), whose IPv4 host depends on the local translator"),
    ];

    /// <summary>IPv6 ranges whose addresses stand for an IPv4 host, and where in the address its IPv4 address is:
    /// every place it may be, when the range allows several (the strictest reading is taken).</summary>
    private static readonly (IPNetwork Network, string Form, Func<byte[], IEnumerable<byte[]>> Embedded)[] Carriers =
    [
        (IPNetwork.Parse("::ffff:0:0/96"), "IPv4-mapped", b => [b[12..16]]),
        // SIIT's IPv4-translated form (RFC 7915, ::ffff:0:a.b.c.d).
        (IPNetwork.Parse("::ffff:0:0:0/96"), "IPv4-translated (SIIT)", b => [b[12..16]]),
        // Deprecated, but routed by some stacks to the IPv4 address; :: and ::1 are judged as themselves.
        (IPNetwork.Parse("::/96"), "IPv4-compatible", b => b[12..16] is [0, 0, 0, 0 or 1] ? [] : [b[12..16]]),
        (IPNetwork.Parse("64:ff9b::/96"), "NAT64", b => [b[12..16]]),
        (IPNetwork.Parse("2002::/16"), "6to4", b => [b[2..6]]),
        // Teredo: the server's address, and the client's, stored inverted (RFC 4380).
        (IPNetwork.Parse("2001::/32"), "Teredo", b => [b[4..8], b[12..16].Select(x => (byte)~x).ToArray()]),
    ];

    /// <summary>What <paramref name="address"/> is, with the reason when it is not public.</summary>
    public static (Kind Kind, string? Reason) Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            foreach (var (network, form, embedded) in Carriers)
            {
                if (network.Contains(address) && embedded(bytes).ToList() is { Count: > 0 } carried)
                {
                    // The strictest of what the carried IPv4 addresses are: a webhook may reach none it may not reach directly.
                    var judged = carried.Select(v4 => Own(new IPAddress(v4))).MaxBy(j => j.Kind);
                    return judged.Kind == Kind.Public ? judged : (judged.Kind, $"{judged.Reason} ({form})");
                }
            }
        }

        return Own(address);
    }

    /// <summary>Why a webhook may not connect to <paramref name="address"/> ("a loopback address"), or null when it may.</summary>
    public static string? Refusal(IPAddress address, bool allowPrivateNetworks) => Classify(address) switch
    {
        (Kind.Public, _) => null,
        (Kind.Private, _) when allowPrivateNetworks => null,
        (Kind.Private, var reason) => $"{reason}, and NewsWire:Webhooks:AllowPrivateNetworks is off",
        (_, var reason) => reason,
    };

    private static (Kind Kind, string? Reason) Own(IPAddress address)
    {
        foreach (var (network, kind, name) in Ranges)
        {
            if (network.Contains(address))
            {
                return (kind, name);
            }
        }

        return (Kind.Public, null);
    }
}
