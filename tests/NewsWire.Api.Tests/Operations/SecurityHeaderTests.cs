using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>
/// No answer may be sniffed into another type, and every HTML answer carries a content security policy that
/// Swagger UI still works under: its page and every file it loads are checked against the policy.
/// </summary>
public sealed partial class SecurityHeaderTests : ServiceTest
{
    public static TheoryData<string> Routes { get; } = new()
    {
        "/api/articles", "/api/articles/1", "/api/articles/1?format=text", "/api/articles/1/quotes", "/api/articles/no-such-slug",
        "/api/articles?limt=5", "/api/search?q=refugees", "/health", "/swagger/v1/swagger.json", "/nowhere",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryAnswerForbidsSniffingWhetherRenderedOrCached(string route)
    {
        foreach (var response in new[] { await Reader.GetAsync(route), await Reader.GetAsync(route) })
        {
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], route);
            response.Headers.Contains("Content-Security-Policy").Should().BeFalse("{0} is not HTML", route);
        }
    }

    [Fact]
    public async Task ARefusedWriteForbidsSniffingToo()
    {
        var response = await Reader.PostArticleAsync(Stories.Input("No key"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task APlainTextArticleThatBeginsWithAScriptTagIsNeverSniffedAsHtml()
    {
        var article = await Writer.CreateAsync(Stories.Input("<script>alert(document.cookie)</script>"));

        for (var read = 0; read < 2; read++) // rendered, then from the cache
        {
            var response = await Reader.GetAsync($"/api/articles/{article.Id}?format=text");
            (await response.Content.ReadAsStringAsync()).Should().StartWith("<script>");
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
    }

    [Fact]
    public async Task SwaggerUiIsFramedByNobodyAndLoadsOnlyWhatItsPolicyAllows()
    {
        var page = await Reader.GetAsync("/swagger/index.html");
        var html = await page.Content.ReadAsStringAsync();

        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'");
        policy.Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        page.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        page.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");

        // Under script-src 'self' and style-src 'self' nothing may be inline: no script body, no style element,
        // no style or event-handler attribute.
        Scripts().Matches(html).Should().NotBeEmpty().And.OnlyContain(m => m.Groups["src"].Success && string.IsNullOrWhiteSpace(m.Groups["body"].Value));
        html.Should().NotContain("<style");
        InlineAttribute().IsMatch(html).Should().BeFalse(InlineAttribute().Match(html).Value);

        // Under nosniff a browser runs a script only with a JavaScript type and applies a stylesheet only as text/css.
        foreach (Match asset in Assets().Matches(html))
        {
            var url = new Uri(new Uri("http://localhost/swagger/index.html"), asset.Groups["url"].Value);
            url.Host.Should().Be("localhost", "everything comes from 'self'");
            var response = await Reader.GetAsync(url.PathAndQuery);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url.ToString());
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            var type = response.Content.Headers.ContentType!.MediaType;
            switch (asset.Groups["kind"].Value)
            {
                case "script":
                    type.Should().BeOneOf("text/javascript", "application/javascript");
                    break;
                case "stylesheet":
                    type.Should().Be("text/css");
                    foreach (Match image in CssUrls().Matches(await response.Content.ReadAsStringAsync()))
                    {
                        image.Groups["url"].Value.Should().Match(u => u.StartsWith("data:", StringComparison.Ordinal) || !u.Contains("//", StringComparison.Ordinal),
                            "img-src allows 'self' and data: only");
                    }

                    break;
                default:
                    type.Should().StartWith("image/");
                    break;
            }
        }
    }

    [Fact]
    public async Task AnyHtmlAnswerGetsThePolicySoAPageServedLaterInheritsIt()
    {
        await using var app = App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ServesAPage())));

        var response = await app.CreateClient().GetAsync("/a-page");

        response.Content.Headers.ContentType!.MediaType.Should().BeEquivalentTo("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    /// <summary>A page the service does not have yet, answered after everything Program sets up.</summary>
    private sealed class ServesAPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                context.Response.ContentType = "Text/HTML; charset=utf-8";
                return context.Response.WriteAsync("<!DOCTYPE html><p>A page</p>");
            });
        };
    }

    [GeneratedRegex("""<script(?:[^>]*\ssrc="(?<src>[^"]+)")?[^>]*>(?<body>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("""\s(?:style|on[a-z]+)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttribute();

    [GeneratedRegex("""<(?:(?<kind>script)[^>]*\ssrc="(?<url>[^"]+)"|link[^>]*\srel="(?<kind>[a-z]+)"[^>]*\shref="(?<url>[^"]+)")""")]
    private static partial Regex Assets();

    [GeneratedRegex("""url\(\s*["']?(?<url>[^"')]+)""")]
    private static partial Regex CssUrls();
}
