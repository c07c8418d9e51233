using System.Text.Json;
using NewsWire.Api.Infrastructure;

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
        catch (TooManyTagsException e)
        {
            return DraftResult.Invalid(new Dictionary<string, string[]> { ["tags"] = [e.Message] });
        }
        catch (JsonException e)
        {
            // The message names the JSON path and position, never our types' internals.
            return DraftResult.Invalid(new Dictionary<string, string[]>([JsonBodyProblems.Describe(e, "ArticleInput")]));
        }

        return input is null
            ? DraftResult.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object (an ArticleInput), not null."] })
            : ArticleDrafts.FromInput(input, now);
    }
}
