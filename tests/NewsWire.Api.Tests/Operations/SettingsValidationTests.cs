using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>A setting the service cannot use stops the start and names itself, instead of being worked around.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("NewsWire:Feeds:IdAuthority", "https://news.example.com", "NewsWire:Feeds:IdAuthority")]
    [InlineData("NewsWire:Feeds:IdAuthority", "news.example.com/feeds", "NewsWire:Feeds:IdAuthority")]
    [InlineData("NewsWire:RateLimits:StreamsPerClient", "0", "NewsWire:RateLimits:StreamsPerClient")]
    [InlineData("NewsWire:Search:Weights:Headline", "-1", "NewsWire:Search:Weights")]
    [InlineData("NewsWire:Search:Weights:Place", "Infinity", "NewsWire:Search:Weights")]
    public async Task AnUnusableSettingStopsTheStartAndNamesIt(string key, string value, string setting)
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { [key] = value });

        var start = () => app.CreateClient();

        // The message may sit in an inner exception, as the host wraps what start-up throws.
        start.Should().Throw<Exception>().Where(e => Messages(e).Any(m => m.Contains(setting, StringComparison.Ordinal)), setting);
    }

    [Theory]
    [InlineData("NewsWire:Feeds:IdAuthority", "news.example.com")]
    [InlineData("NewsWire:Feeds:IdAuthority", "desk@news.example.com")]
    [InlineData("NewsWire:Search:Weights:Place", "0")]
    public async Task AUsableSettingStarts(string key, string value)
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { [key] = value });

        (await app.CreateClient().GetAsync("/health")).IsSuccessStatusCode.Should().BeTrue();
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
