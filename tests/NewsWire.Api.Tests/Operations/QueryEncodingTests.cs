using System.Net;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>Percent-escapes that are not UTF-8 are refused, not searched or filtered for as the escapes themselves.</summary>
public sealed class QueryEncodingTests : ServiceTest
{
    [Theory]
    [InlineData("/api/search?q=%FF%FE", "q")]
    [InlineData("/api/search?q=refugees%ED%A0%80", "q")] // an encoded lone surrogate
    [InlineData("/api/articles?source=%C0%80", "source")] // an overlong NUL
    [InlineData("/api/articles?limit=5&tag=a%E2%82", "tag")] // cut inside a character
    [InlineData("/feeds/atom?q=%FF", "q")]
    [InlineData("/api/tags?prefix=%FF", "prefix")]
    [InlineData("/api/places?prefix=%ED%A0%80", "prefix")]
    public async Task AValueThatIsNotUtf8IsA400NamingTheParameter(string path, string parameter)
    {
        var response = await Reader.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Theory]
    [InlineData("/api/search?q=%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D1%8B")] // беженцы
    [InlineData("/api/search?q=refugees%20europe")]
    [InlineData("/api/search?q=100%")] // a lone percent sign is text
    [InlineData("/api/search?q=refugees%20%F0%9F%98%80")] // an emoji: four bytes, one character
    [InlineData("/api/articles?source=T%41SS")]
    public async Task Utf8ValuesAreAnswered(string path)
    {
        (await Reader.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
