using System.Net;
using System.Text.RegularExpressions;
using NewsWire.Api.Reader;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Reader;

/// <summary>How the service serves the reader page; what the page does in a browser is in Browser/.</summary>
public sealed partial class ReaderPageTests : ServiceTest
{
    [Fact]
    public async Task TheRootServesTheReaderPageWithItsContentSecurityPolicy()
    {
        var response = await Reader.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Be(ReaderPage.ContentSecurityPolicy).And.Contain("default-src 'self'").And.NotContain("unsafe-inline");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("""<script type="module" src="/js/main.js"></script>""").And.Contain("""href="/swagger""");
    }

    [Theory]
    [InlineData("/articles/russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/1")]
    public async Task AnArticleAddressServesTheSamePage(string path)
    {
        var root = await Reader.GetStringAsync("/");

        var response = await Reader.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(ReaderPage.ContentSecurityPolicy);
        (await response.Content.ReadAsStringAsync()).Should().Be(root);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/articles/a/b")]
    [InlineData("/articles")]
    [InlineData("/elsewhere")]
    public async Task OnlyArticleAddressesFallBackToThePage(string path)
    {
        var response = await Reader.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task SwaggerUiStillServesBesideThePage()
    {
        var response = await Reader.GetAsync("/swagger/index.html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger-ui");
    }

    [Fact]
    public async Task EveryFileThePageLoadsIsServedWithItsType()
    {
        var page = await Reader.GetStringAsync("/");
        // The page's own files; the feed and OpenSearch links lead to the service's routes.
        var files = LocalReference().Matches(page).Select(m => m.Groups["path"].Value)
            .Where(p => p.StartsWith("/css/", StringComparison.Ordinal) || p.StartsWith("/js/", StringComparison.Ordinal)).ToList();
        files.Should().Equal("/css/reader.css", "/css/results.css", "/css/article.css", "/js/main.js");

        foreach (var file in files)
        {
            var response = await Reader.GetAsync(file);
            response.StatusCode.Should().Be(HttpStatusCode.OK, file);
            response.Content.Headers.ContentType!.ToString().Should().EndWith("; charset=utf-8", file);
            response.Headers.CacheControl!.NoCache.Should().BeTrue("a new build's {0} must be seen at once", file);
        }
    }

    [Fact]
    public async Task EveryModuleTheScriptsImportIsServed()
    {
        var pending = new Queue<string>(["/js/main.js"]);
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var module))
        {
            if (!seen.Add(module))
            {
                continue;
            }

            var response = await Reader.GetAsync(module);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{module} is imported");
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", module);
            var source = await response.Content.ReadAsStringAsync();
            foreach (Match import in ModuleImport().Matches(source))
            {
                pending.Enqueue(new Uri(new Uri("http://page" + module), import.Groups["path"].Value).AbsolutePath);
            }
        }

        seen.Should().Contain(["/js/api.js", "/js/route.js", "/js/marks.js"]);
    }

    [GeneratedRegex("""(?:src|href)="(?<path>/[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LocalReference();

    [GeneratedRegex("""^import\s[^;]*?from\s"(?<path>\./[^"]+)";""", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();
}
