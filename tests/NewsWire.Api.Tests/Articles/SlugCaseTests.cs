using System.Net;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>
/// Slugs are matched without regard to ASCII case on every route (ADR 4), and the answer never depends on what
/// the output cache holds: each read is made with the cache cold and again once another spelling is cached.
/// </summary>
public sealed class SlugCaseTests : ServiceTest
{
    private const string Slug = "russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe";
    private static readonly string Upper = Slug.ToUpperInvariant();

    public static TheoryData<string> Reads { get; } = new() { "", "?format=text", "/quotes" };

    /// <summary>Spellings that upper-case to the slug's upper case but are not the slug in any case: ı (dotless i), ſ (long s).</summary>
    public static TheoryData<string> LookAlikes { get; } = new()
    {
        Slug.Replace("russian", "russıan", StringComparison.Ordinal),
        Slug.Replace("security", "ſecurity", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AnUpperCaseSlugFindsTheArticleWhileNothingIsCached(string rest)
    {
        var upper = await Reader.GetAsync($"/api/articles/{Upper}{rest}");
        var lower = await Reader.GetAsync($"/api/articles/{Slug}{rest}");

        upper.StatusCode.Should().Be(HttpStatusCode.OK, await upper.Content.ReadAsStringAsync());
        (await upper.Content.ReadAsStringAsync()).Should().Be(await lower.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AnUpperCaseSlugAnswersAlikeOnceTheLowerCaseOneIsCached(string rest)
    {
        var lower = await Reader.GetAsync($"/api/articles/{Slug}{rest}");
        var upper = await Reader.GetAsync($"/api/articles/{Upper}{rest}");
        var upperAgain = await Reader.GetAsync($"/api/articles/{Upper}{rest}");

        lower.StatusCode.Should().Be(HttpStatusCode.OK);
        upper.StatusCode.Should().Be(HttpStatusCode.OK);
        (await upper.Content.ReadAsStringAsync()).Should().Be(await lower.Content.ReadAsStringAsync());
        (await upperAgain.Content.ReadAsStringAsync()).Should().Be(await lower.Content.ReadAsStringAsync());
        upperAgain.Headers.ETag.Should().Be(lower.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task ALookAlikeSpellingIsNotFoundWhetherOrNotTheSlugIsCached(string lookAlike)
    {
        var cold = await Reader.GetAsync($"/api/articles/{Uri.EscapeDataString(lookAlike)}");
        (await Reader.GetAsync($"/api/articles/{Slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var warm = await Reader.GetAsync($"/api/articles/{Uri.EscapeDataString(lookAlike)}");

        cold.StatusCode.Should().Be(HttpStatusCode.NotFound);
        warm.StatusCode.Should().Be(HttpStatusCode.NotFound, "the cache must not fold spellings the look-up tells apart");
    }

    [Fact]
    public async Task AnUpperCaseSlugReplacesAndDeletesTheArticle()
    {
        var replaced = await Writer.PutAsJsonAsync($"/api/articles/{Upper}", Stories.Input("Replaced by its upper-case slug"), HttpExtensions.Json);
        replaced.StatusCode.Should().Be(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        (await replaced.ReadAsAsync<ArticleDetail>()).Slug.Should().Be(Slug, "a PUT keeps the slug");

        var mixed = "Russian-Security-" + Slug["russian-security-".Length..];
        (await Writer.DeleteAsync($"/api/articles/{mixed}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Reader.GetAsync($"/api/articles/{Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Reader.GetAsync($"/api/articles/{Upper}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
