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

        var (bytes, tooLarge) = await RequestBody.ReadAsync(request, ArticleLimits.RequestBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, tooLarge!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = kind == "json" ? FromJson(bytes, now) : FromWireCopy(bytes, metadata, now);
        return result.Draft is null ? (null, Problems.Validation(result.Errors)) : (result.Draft, null);
    }

    private DraftResult FromJson(byte[] bytes, DateTime now)
    {
        ArticleInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ArticleInput>(bytes, jsonOptions.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            // The message names the JSON path and position, never our types' internals.
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return DraftResult.Invalid(new Dictionary<string, string[]>
            {
                [path] = [$"The JSON is not a valid ArticleInput at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {JsonProblem(e)}"],
            });
        }

        return input is null
            ? DraftResult.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object (an ArticleInput), not null."] })
            : ArticleDrafts.FromInput(input, now);
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

    private static string JsonProblem(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "the property is not part of ArticleInput."
        : e.InnerException is InvalidOperationException or FormatException ? "a value has the wrong type."
        : e.Message.Contains("The JSON value could not be converted", StringComparison.Ordinal) ? "a value has the wrong type."
        : e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? "the JSON is nested too deeply."
        : "the JSON is malformed.";

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
