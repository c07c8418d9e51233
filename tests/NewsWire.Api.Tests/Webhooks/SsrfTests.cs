using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>A name resolver the test controls, so a name can resolve to any address (and change its answer).</summary>
public sealed class FakeResolver : IWebhookResolver
{
    public System.Collections.Concurrent.ConcurrentDictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
}

/// <summary>Server-side request forgery (ADR 28): webhook URLs that would reach the service's own network are refused.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SsrfTests : IAsyncDisposable
{
    private readonly FakeResolver _resolver = new();
    private readonly NewsWireApp _app;

    public SsrfTests()
    {
        _resolver.Names["intranet.example"] = [IPAddress.Parse("10.0.0.1")];
        _resolver.Names["mixed.example"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.1.5")];
        _resolver.Names["public.example"] = [IPAddress.Parse("93.184.216.34")];
        var settings = WebhookSettings.Fast();
        settings["NewsWire:Webhooks:AllowPrivateNetworks"] = "false";
        _app = new NewsWireApp(settings: settings, services: s => s.AddSingleton<IWebhookResolver>(_resolver));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1/hook", "loopback")]
    [InlineData("http://127.1.2.3:8080/hook", "loopback")]
    [InlineData("http://localhost/hook", "resolved")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[::1]/hook", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("http://[::ffff:169.254.169.254]/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[::127.0.0.1]/hook", "loopback address (IPv4-compatible)")]
    [InlineData("http://[::ffff:0:a9fe:a9fe]/", "link-local address (where cloud metadata services answer) (IPv4-translated (SIIT))")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "link-local address (where cloud metadata services answer) (NAT64)")]
    [InlineData("http://[64:ff9b:1::808:808]/", "local-use NAT64")]
    [InlineData("http://[2002:a9fe:a9fe::1]/", "(6to4)")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "loopback address (Teredo)")]
    [InlineData("http://[fd00::1]/", "private")]
    [InlineData("http://10.1.2.3/", "private")]
    [InlineData("http://172.16.0.1/", "private")]
    [InlineData("http://192.168.0.10/", "private")]
    [InlineData("http://100.64.0.1/", "CGNAT")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://0x7f000001/", "loopback")]
    [InlineData("http://intranet.example/hook", "10.0.0.1")]
    [InlineData("http://mixed.example/hook", "192.168.1.5")]
    [InlineData("http://nowhere.invalid/hook", "could not be resolved")]
    [InlineData("ftp://public.example/hook", "scheme")]
    [InlineData("file:///etc/passwd", "absolute")]
    [InlineData("gopher://public.example/", "scheme")]
    [InlineData("http://user:pass@public.example/hook", "user name")]
    [InlineData("https://public.example/hook#frag", "fragment")]
    public async Task AWebhookUrlThatReachesAPrivateOrMetadataAddressIsRefused(string url, string reason)
    {
        var response = await _app.CreateWriter().PostAsJsonAsync("/api/subscriptions", new { q = "grain", webhook = new { url } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors!["webhook.url"].Single().Should().Contain(reason);
    }

    [Fact]
    public async Task APublicHostIsAccepted()
    {
        var response = await _app.CreateWriter().PostAsJsonAsync("/api/subscriptions", new { q = "grain", webhook = new { url = "https://public.example/hook" } });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANameThatResolvesToLoopbackAtDeliveryTimeIsRefusedThen()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        _resolver.Names["rebind.example"] = [IPAddress.Parse("93.184.216.34")];
        using var writer = _app.CreateWriter();
        var subscription = await writer.SubscribeAsync(new { q = "harvest", webhook = new { url = $"http://rebind.example:{receiver.Address.Port}/hook" } });

        // DNS rebinding: the name now points at the service's own machine, where the receiver listens.
        _resolver.Names["rebind.example"] = [IPAddress.Loopback];
        await writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        var delivery = (await writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].Attempts >= 1)).Single();

        delivery.LastStatus.Should().BeNull();
        delivery.LastError.Should().Contain("Refused").And.Contain("127.0.0.1").And.Contain("loopback");
        receiver.Received.Should().BeEmpty("the connection was never made");
    }
}

/// <summary>Which addresses are which, table by table.</summary>
public sealed class AddressRangeTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressRanges.Kind.Public)]
    [InlineData("93.184.216.34", AddressRanges.Kind.Public)]
    [InlineData("2606:4700::1111", AddressRanges.Kind.Public)]
    [InlineData("172.32.0.1", AddressRanges.Kind.Public)]
    [InlineData("100.128.0.1", AddressRanges.Kind.Public)]
    [InlineData("127.0.0.1", AddressRanges.Kind.Private)]
    [InlineData("::1", AddressRanges.Kind.Private)]
    [InlineData("10.255.255.255", AddressRanges.Kind.Private)]
    [InlineData("172.31.255.255", AddressRanges.Kind.Private)]
    [InlineData("192.168.1.1", AddressRanges.Kind.Private)]
    [InlineData("100.64.0.0", AddressRanges.Kind.Private)]
    [InlineData("fc00::1", AddressRanges.Kind.Private)]
    [InlineData("fdff:ffff::1", AddressRanges.Kind.Private)]
    [InlineData("::ffff:10.0.0.1", AddressRanges.Kind.Private)]
    [InlineData("64:ff9b::7f00:1", AddressRanges.Kind.Private)]
    [InlineData("2002:7f00:1::", AddressRanges.Kind.Private)]
    [InlineData("169.254.169.254", AddressRanges.Kind.Forbidden)]
    [InlineData("::8.8.8.8", AddressRanges.Kind.Public)]
    [InlineData("::127.0.0.1", AddressRanges.Kind.Private)]
    [InlineData("::10.0.0.1", AddressRanges.Kind.Private)]
    [InlineData("::169.254.169.254", AddressRanges.Kind.Forbidden)]
    [InlineData("::0.0.0.2", AddressRanges.Kind.Forbidden)]
    [InlineData("::ffff:0:808:808", AddressRanges.Kind.Public)]
    [InlineData("::ffff:0:7f00:1", AddressRanges.Kind.Private)]
    [InlineData("::ffff:0:a9fe:a9fe", AddressRanges.Kind.Forbidden)]
    [InlineData("64:ff9b::808:808", AddressRanges.Kind.Public)]
    [InlineData("64:ff9b::c0a8:1", AddressRanges.Kind.Private)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressRanges.Kind.Forbidden)]
    [InlineData("64:ff9b:1::808:808", AddressRanges.Kind.Forbidden)]
    [InlineData("64:ff9b:1:fffe::7f00:1", AddressRanges.Kind.Forbidden)]
    [InlineData("2002:808:808::1", AddressRanges.Kind.Public)]
    [InlineData("2002:a00:1::", AddressRanges.Kind.Private)]
    [InlineData("2002:a9fe:a9fe::", AddressRanges.Kind.Forbidden)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", AddressRanges.Kind.Public)] // RFC 4380's example: client 192.0.2.45
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", AddressRanges.Kind.Private)] // client 127.0.0.1, inverted
    [InlineData("2001:0:4136:e378::5601:5601", AddressRanges.Kind.Forbidden)] // client 169.254.169.254
    [InlineData("2001:0:a9fe:a9fe::f7f7:f7f7", AddressRanges.Kind.Forbidden)] // server 169.254.169.254, client 8.8.8.8
    [InlineData("2001:db8::1", AddressRanges.Kind.Public)] // documentation space, not Teredo: no IPv4 inside
    [InlineData("::ffff:169.254.169.254", AddressRanges.Kind.Forbidden)]
    [InlineData("fe80::1", AddressRanges.Kind.Forbidden)]
    [InlineData("0.0.0.0", AddressRanges.Kind.Forbidden)]
    [InlineData("::", AddressRanges.Kind.Forbidden)]
    [InlineData("239.255.255.250", AddressRanges.Kind.Forbidden)]
    [InlineData("ff02::1", AddressRanges.Kind.Forbidden)]
    [InlineData("255.255.255.255", AddressRanges.Kind.Forbidden)]
    public void EachAddressFallsInItsRange(string address, AddressRanges.Kind kind)
    {
        AddressRanges.Classify(IPAddress.Parse(address)).Kind.Should().Be(kind);
    }

    [Fact]
    public void AllowingPrivateNetworksNeverAllowsMetadataOrMulticast()
    {
        AddressRanges.Refusal(IPAddress.Parse("127.0.0.1"), allowPrivateNetworks: true).Should().BeNull();
        AddressRanges.Refusal(IPAddress.Parse("10.0.0.1"), allowPrivateNetworks: true).Should().BeNull();
        AddressRanges.Refusal(IPAddress.Parse("169.254.169.254"), allowPrivateNetworks: true).Should().Contain("link-local");
        AddressRanges.Refusal(IPAddress.Parse("224.0.0.1"), allowPrivateNetworks: true).Should().Contain("multicast");
    }
}
