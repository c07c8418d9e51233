using System.Security.Cryptography;
using System.Text;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Writes need a configured key in <c>X-Api-Key</c>: 401 without one, 403 with a wrong one.
/// Keys are compared as SHA-256 digests in constant time, so neither the content nor the length of a
/// configured key leaks through timing. The header is never logged.
/// </summary>
public sealed class ApiKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    public const string ConfigurationKey = "NewsWire:ApiKeys";

    private readonly byte[][] _keyDigests = configuration.GetSection(ConfigurationKey)
        .GetChildren()
        .Select(k => k.Value)
        .Where(k => !string.IsNullOrWhiteSpace(k))
        .Select(k => Digest(k!))
        .ToArray();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_keyDigests.Length == 0)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Writes are disabled.",
                "No API key is configured, so every write is refused. Set one in NewsWire:ApiKeys " +
                "(environment variable NewsWire__ApiKeys__0) and send it in the X-Api-Key header.");
        }

        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "An API key is required.",
                $"Writes need the {HeaderName} header with a configured key.");
        }

        var digest = Digest(presented);
        var match = false;
        foreach (var key in _keyDigests)
        {
            // No early exit: every key is compared, so the position of a match leaks nothing either.
            match |= CryptographicOperations.FixedTimeEquals(key, digest);
        }

        return match
            ? await next(context)
            : Problems.Status(StatusCodes.Status403Forbidden, "The API key is not valid.",
                $"The key in {HeaderName} is not one of the configured keys.");
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
