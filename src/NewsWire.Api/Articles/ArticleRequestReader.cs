using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Articles;

/// <summary>
/// Reads the body of a single-article write, JSON or raw wire copy, into a draft. The body is read here
/// rather than bound by the framework because one route takes two media types, and because every failure
/// (size, encoding, syntax, a field) must leave as a problem that names what is wrong.
/// </summary>
public sealed class ArticleRequestReader(IOptions<JsonOptions> jsonOptions, TimeProvider clock)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<(ArticleDraft? Draft, Results<ValidationProblem, ProblemHttpResult>? Problem)> ReadAsync(
        HttpRequest request, WireCopyMetadata metadata, CancellationToken cancellationToken)
    {
        var kind = BodyKind(request.ContentType);
        if (kind is null)
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                $"Send application/json (an ArticleInput) or text/plain; charset=utf-8 (raw wire copy), not '{request.ContentType ?? "nothing"}'."));
        }

        if (kind == "json" && !metadata.IsEmpty)
        {
            return (null, Problems.Validation("query",
                "Query metadata applies to text/plain wire copy only; put these fields in the JSON body."));
        }

        var (bytes, unreadable) = await RequestBody.ReadAsync(request, ArticleLimits.RequestBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, unreadable!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = kind == "json" ? ArticleJson.ToDraft(bytes, jsonOptions.Value.SerializerOptions, now) : FromWireCopy(bytes, metadata, now);
        return result.Draft is null ? (null, Problems.Validation(result.Errors)) : (result.Draft, null);
    }

    private static DraftResult FromWireCopy(byte[] bytes, WireCopyMetadata metadata, DateTime now)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return DraftResult.Invalid(new Dictionary<string, string[]>
            {
                ["body"] = ["The wire copy is not valid UTF-8; send text/plain; charset=utf-8."],
            });
        }

        var parsed = WireCopyParser.Parse(text);
        return parsed.Article is null
            ? DraftResult.Invalid(parsed.Errors.ToDictionary())
            : ArticleDrafts.FromWireCopy(parsed.Article, metadata, now);
    }

    /// <summary>"json", "text", or null for anything else, including text in a charset other than UTF-8.</summary>
    private static string? BodyKind(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        var charset = mediaType.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return mediaType.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => "json",
            { } other when other.StartsWith("application/", StringComparison.Ordinal) && other.EndsWith("+json", StringComparison.Ordinal) => "json",
            "text/plain" => "text",
            _ => null,
        };
    }
}
