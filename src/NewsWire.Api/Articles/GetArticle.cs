using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Articles;

public static class GetArticle
{
    public const string PlainText = "text/plain; charset=utf-8";

    public static async Task<Results<Ok<ArticleDetail>, ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetArticleById(
        string id,
        [FromQuery] string? format,
        NewsWireDb db,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var representation = ChooseRepresentation(format, http.Request);
        if (representation is null)
        {
            return format is null
                ? Problems.Status(StatusCodes.Status406NotAcceptable, "No acceptable representation.",
                    "This resource is served as application/json or text/plain; the Accept header allows neither.")
                : Problems.Validation("format", $"'{ArticleDrafts.Truncated(format)}' is not a format; use json or text.");
        }

        var article = await db.LoadForReadingAsync(id, cancellationToken);
        if (article is null)
        {
            return Problems.NotFound("article", id);
        }

        var etag = ArticleETags.For(article.Id, article.UpdatedAt, representation);
        http.Response.Headers.ETag = etag.ToString();
        // Appended: CORS may have put Origin there already, and compression adds Accept-Encoding later.
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (IfNoneMatch(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return representation == "text"
            ? TypedResults.Text(AsPlainText(article), PlainText)
            : TypedResults.Ok(article.AsArticleDetail());
    }

    public static string AsPlainText(Article article) =>
        WireCopyWriter.Render(article.Section, article.Headline, article.Lead, article.Dateline,
            SectionLayouts.Rebuild(article.Body, article.SectionLayout), article.Byline, article.Credits);

    /// <summary>"json", "text", or null when nothing acceptable. ?format wins over Accept.</summary>
    private static string? ChooseRepresentation(string? format, HttpRequest request)
    {
        if (format is not null)
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "json" => ArticleETags.Json,
                "text" or "txt" => ArticleETags.Text,
                _ => null,
            };
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return "json";
        }

        // The most preferred type we can serve; on a tie JSON wins, as it is the API's main form.
        var best = accept
            .Where(a => a.Quality is null or > 0)
            .Select(a => (Quality: a.Quality ?? 1, Kind: Kind(a)))
            .Where(a => a.Kind is not null)
            .OrderByDescending(a => a.Quality)
            .ThenBy(a => a.Kind == "json" ? 0 : 1)
            .FirstOrDefault();
        return best.Kind;
    }

    private static string? Kind(MediaTypeHeaderValue mediaType) => mediaType.MediaType.Value?.ToLowerInvariant() switch
    {
        "application/json" or "application/*" or "*/*" => "json",
        "text/plain" or "text/*" => "text",
        _ => null,
    };

    // If-None-Match uses the weak comparison: W/"x" matches "x".
    private static bool IfNoneMatch(HttpRequest request, EntityTagHeaderValue etag) =>
        ArticleETags.AnyMatches(request.GetTypedHeaders().IfNoneMatch, [etag], strong: false);
}
