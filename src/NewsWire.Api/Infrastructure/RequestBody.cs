using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Reads a whole request body up to a limit (of decoded bytes, when it came compressed), answering 413 with a
/// problem rather than Kestrel's bare one, and 400 when it does not decode.
/// </summary>
public static class RequestBody
{
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (InvalidDataException)
        {
            return (null, RequestDecoding.NotDecodable());
        }

        return (buffer.ToArray(), null);
    }

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            $"This endpoint takes at most {maxBytes:N0} bytes.");
}
