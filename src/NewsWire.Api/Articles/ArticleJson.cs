using System.Text.Json;

namespace NewsWire.Api.Articles;

/// <summary>An ArticleInput in JSON (a POST body, one NDJSON line) to a draft, with errors that name the field.</summary>
public static class ArticleJson
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static DraftResult ToDraft(ReadOnlySpan<byte> json, JsonSerializerOptions options, DateTime now)
    {
        // A byte-order mark is legal before UTF-8 JSON (RFC 8259 §8.1 lets a parser ignore it); the span
        // overload of the serializer, unlike the stream one, would call it an invalid start of a value.
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        ArticleInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ArticleInput>(json, options);
        }
        catch (JsonException e)
        {
            // The message names the JSON path and position, never our types' internals.
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return DraftResult.Invalid(new Dictionary<string, string[]>
            {
                [path] = [$"The JSON is not a valid ArticleInput at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {Problem(e)}"],
            });
        }

        return input is null
            ? DraftResult.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object (an ArticleInput), not null."] })
            : ArticleDrafts.FromInput(input, now);
    }

    /// <summary>System.Text.Json's messages name .NET types; these say the same in the client's terms.</summary>
    private static string Problem(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "the property is not part of ArticleInput."
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) || e.InnerException is InvalidOperationException or FormatException
            ? "a value has the wrong type."
        : e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? "the JSON is nested too deeply."
        : "the JSON is malformed.";
}
