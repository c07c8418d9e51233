using Microsoft.Extensions.Options;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// When a failed delivery is tried again (ADR 27): the configured waits, each stretched or shrunk by the jitter,
/// or the receiver's own <c>Retry-After</c> on 429 and 503 (capped); null once the schedule is spent.
/// </summary>
public sealed class RetrySchedule(IOptions<WebhookOptions> options)
{
    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    /// <param name="now">When the failed attempt ended.</param>
    /// <param name="retryAfter">What the receiver asked for, if anything.</param>
    public DateTime? Next(int attempts, DateTime now, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        if (attempts > settings.Delays.Count)
        {
            return null;
        }

        if (retryAfter is { } asked)
        {
            return now + TimeSpan.FromSeconds(Math.Clamp(asked.TotalSeconds, 0, settings.MaxRetryAfterSeconds));
        }

        var wait = settings.Delays[attempts - 1];
        var jitter = settings.JitterPercent / 100.0 * (Random.Shared.NextDouble() * 2 - 1);
        return now + wait * (1 + jitter);
    }
}
