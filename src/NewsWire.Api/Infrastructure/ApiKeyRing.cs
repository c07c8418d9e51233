using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// The configured write keys (<c>NewsWire:ApiKeys</c>), held as SHA-256 digests and compared in constant time,
/// so neither the content nor the length of a key leaks through timing. Shared by the key check and by the
/// write rate limit, which counts per key.
/// </summary>
public sealed class ApiKeyRing(IOptions<ApiKeyOptions> options)
{
    public const string ConfigurationKey = "NewsWire:ApiKeys";

    private readonly byte[][] _keyDigests = options.Value.ApiKeys
        .Where(k => !string.IsNullOrWhiteSpace(k))
        .Select(Digest)
        .ToArray();

    public bool IsEmpty => _keyDigests.Length == 0;

    /// <summary>The position of the presented key among the configured ones, or -1.</summary>
    public int IndexOf(string presented)
    {
        var digest = Digest(presented);
        var index = -1;
        for (var i = 0; i < _keyDigests.Length; i++)
        {
            // No early exit: every key is compared, so the position of a match leaks nothing either.
            if (CryptographicOperations.FixedTimeEquals(_keyDigests[i], digest))
            {
                index = i;
            }
        }

        return index;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
