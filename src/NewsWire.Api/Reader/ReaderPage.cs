using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace NewsWire.Api.Reader;

/// <summary>
/// The reader page (docs/adr/0016-reader-page.md): static HTML, CSS and JavaScript modules from wwwroot,
/// served by the service itself so that <c>dotnet run</c> alone gives a working site. <c>/</c> and
/// <c>/articles/{slug}</c> answer the same index.html; the page reads its state from the URL.
/// </summary>
public static class ReaderPage
{
    /// <summary>
    /// Only the page's own files may run or be fetched; no inline script or style. Trusted Types with no
    /// policy make every HTML-string sink (innerHTML and the like) throw, so server text can only become DOM
    /// through textContent and createElement.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types 'none'";

    public static WebApplication MapReaderPage(this WebApplication app)
    {
        // UTF-8 said outright, so no browser guesses the encoding of a headline or a quotation mark.
        var types = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in new[] { (".html", "text/html"), (".css", "text/css"), (".js", "text/javascript") })
        {
            types.Mappings[extension] = type + "; charset=utf-8";
        }

        var files = new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context => PrepareResponse(context.Context.Response, context.File.Name),
        };

        // "/" becomes "/index.html" before the static files look; /api, /swagger and /health are endpoints
        // that routing already chose, which the static-file middleware leaves alone.
        app.UseDefaultFiles();
        app.UseStaticFiles(files);

        // A shared /articles/{slug} link opens the page, which then loads the article. Only this route falls
        // back to the page: anything else unknown (/api/typo included) stays a 404 problem.
        app.MapFallbackToFile("/articles/{slug}", "index.html", files);
        return app;
    }

    private static void PrepareResponse(HttpResponse response, string fileName)
    {
        // Revalidate every time (the ETag makes that cheap): a new build's page and scripts are seen at once.
        response.Headers.CacheControl = "no-cache";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        }
    }
}
