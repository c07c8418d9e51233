using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (<c>NewsWire:ForwardedHeaders</c>).
/// None by default: anyone can send those headers, so the client address (which rate limits count by) is the
/// connection's own until an operator names the load balancer, by address or network (ADR 14).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "NewsWire:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>()
            .BindConfiguration(TrustedProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                $"{TrustedProxyOptions.Section}:KnownProxies must hold IP addresses, such as 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                $"{TrustedProxyOptions.Section}:KnownNetworks must hold networks in CIDR notation, such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((options, trusted) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator names is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through every trusted hop (CDN, then load balancer) to the first address that is not one.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so logging, rate limits and links all see the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
