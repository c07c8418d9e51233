using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// A query value whose percent-escapes are not UTF-8 (<c>q=%FF%FE</c>) is a 400 naming the parameter. ASP.NET
/// Core leaves such a value as its escapes, so a search for <c>%FF</c> would silently look for the words ff and fe.
/// </summary>
public static class QueryEncoding
{
    public static IApplicationBuilder UseQueryEncodingCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var query = context.Request.QueryString.Value;
        if (query is not null && query.Contains('%', StringComparison.Ordinal) && FirstNotUtf8(query) is { } name)
        {
            await Problems.Validation(name, $"The value of '{name}' is percent-encoded bytes that are not UTF-8 text.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>The name of the first parameter whose name or value does not decode to UTF-8, or null.</summary>
    private static string? FirstNotUtf8(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.Contains('%', StringComparison.Ordinal) && !Utf8.IsValid(Bytes(pair)))
            {
                var name = pair.Split('=')[0];
                return Utf8.IsValid(Bytes(name)) ? Uri.UnescapeDataString(name) : "query";
            }
        }

        return null;
    }

    /// <summary>The bytes a piece of a query stands for: each escape one byte, any other character its UTF-8.</summary>
    private static byte[] Bytes(string piece)
    {
        var bytes = new List<byte>(piece.Length);
        Span<byte> encoded = stackalloc byte[4];
        for (var i = 0; i < piece.Length;)
        {
            if (piece[i] == '%' && i + 2 < piece.Length
                && byte.TryParse(piece.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes.Add(escaped);
                i += 3;
                continue;
            }

            Rune.DecodeFromUtf16(piece.AsSpan(i), out var rune, out var used);
            bytes.AddRange(encoded[..rune.EncodeToUtf8(encoded)]);
            i += used;
        }

        return [.. bytes];
    }
}
