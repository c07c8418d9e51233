using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsWire.Api.Infrastructure;
using StandardWebhooks;

namespace NewsWire.Api.Webhooks;

/// <summary>What one attempt came to: the status (null when there was no answer), why it failed, and the wait the
/// receiver asked for.</summary>
public sealed record AttemptResult(int? Status, string? Error, TimeSpan? RetryAfter)
{
    public bool Delivered => Status is >= 200 and < 300;
    public bool Gone => Status == (int)HttpStatusCode.Gone;
}

/// <summary>
/// Sends one attempt of a delivery as the Standard Webhooks specification says: <c>webhook-id</c> (the same on
/// every attempt, so a receiver can drop a repeat), <c>webhook-timestamp</c> (this attempt's time, in Unix
/// seconds) and <c>webhook-signature</c> (<c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>
/// under the subscription's secret, computed by the StandardWebhooks package). One timeout covers the whole
/// attempt; the answer's body is not read.
/// </summary>
public sealed class WebhookSender(WebhookHttp http, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>The most of a receiver's own text (a Location, a malformed line) one error quotes.</summary>
    private const int MaxQuotedLength = 300;

    public static string MessageId(long deliveryId) => $"msg_{deliveryId}";

    public async Task<AttemptResult> SendAsync(string url, string secret, string messageId, string payload, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.AttemptTimeoutSeconds);
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, new UTF8Encoding(false), "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(messageId, timestamp, payload));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new AttemptResult(status, null, null),
                >= 300 and < 400 => new AttemptResult(status,
                    $"The receiver answered {status} (to {Quoted(response.Headers.Location?.OriginalString) ?? "nowhere"}); redirects are not followed.", null),
                429 or 503 => new AttemptResult(status, $"The receiver answered {status}.", RetryAfter(response, timestamp.UtcDateTime)),
                _ => new AttemptResult(status, $"The receiver answered {status}.", null),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(null, $"No answer within {timeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e)
        {
            var refused = e.InnerException as WebhookRefusedException ?? e.InnerException?.InnerException as WebhookRefusedException;
            // .NET quotes a malformed answer's status or header line in its message: the receiver's text too.
            return new AttemptResult(null, refused is not null ? $"Refused: {refused.Message}" : $"Could not reach the receiver: {Quoted(e.Message)}", null);
        }
    }

    /// <summary>
    /// What the receiver wrote, fit for the delivery's LastError: escaped, since PostgreSQL refuses a NUL in text
    /// (the outcome would not be stored and the delivery would be sent again for ever) and whoever reads the error
    /// should not get the receiver's line breaks or terminal sequences; and short enough to leave the message
    /// around it readable.
    /// </summary>
    private static string? Quoted(string? text) => text is null ? null : VisibleText.Bounded(VisibleText.Escape(text), MaxQuotedLength);

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTime now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date.UtcDateTime > now ? date.UtcDateTime - now : TimeSpan.Zero,
        // .NET reads delta-seconds into an int and drops a longer one, which RFC 9110 allows: such a receiver
        // asks for longer than any wait the schedule grants, so it gets the longest, not the default.
        _ when IsDeltaPastInt32(response) => TimeSpan.MaxValue,
        _ => null,
    };

    private static bool IsDeltaPastInt32(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Retry-After", out var values)
        && values.Count == 1
        && values.ToString().Trim() is { Length: > 0 } text
        && text.All(char.IsAsciiDigit)
        && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
