using System.Net;
using NewsWire.Api.RateLimits;

namespace NewsWire.Api.Tests.RateLimits;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void AnAddressCountsAsItselfOrItsIPv6Block(string address, string key) =>
        RateLimitPartitions.AddressKey(IPAddress.Parse(address)).Should().Be(key);

    [Fact]
    public void AConnectionWithoutAnAddressCountsAsUnknown() =>
        RateLimitPartitions.AddressKey(null).Should().Be("unknown");
}
