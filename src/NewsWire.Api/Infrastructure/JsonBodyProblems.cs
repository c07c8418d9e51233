using System.Text.Json;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Why a JSON body is not the type a route reads, in the client's terms: System.Text.Json's messages name .NET
/// types and members. One wording for every body (an article, an NDJSON line, a subscription).
/// </summary>
public static class JsonBodyProblems
{
    /// <summary>The field the problem is about (<c>body</c> for the whole document) and what is wrong there.</summary>
    public static KeyValuePair<string, string[]> Describe(JsonException e, string typeName)
    {
        var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
        return new(field, [$"The JSON is not a valid {typeName} at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {Reason(e, typeName)}"]);
    }

    private static string Reason(JsonException e, string typeName) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? $"the property is not part of {typeName}."
        : e.Message.StartsWith("Duplicate property", StringComparison.Ordinal) ? "the property is given twice; give it once."
        : e.InnerException?.Message is { } inner && (inner.Contains("invalid UTF-8", StringComparison.Ordinal) || inner.Contains("surrogate", StringComparison.Ordinal))
            ? "a string is not valid text (invalid UTF-8, or a lone UTF-16 surrogate)."
        : e.Message.Contains("maximum configured depth", StringComparison.Ordinal) ? "the JSON is nested too deeply."
        : e.Message.Contains("could not be converted", StringComparison.Ordinal) || e.InnerException is InvalidOperationException or FormatException
            ? "a value has the wrong type."
        : "the JSON is malformed.";
}
