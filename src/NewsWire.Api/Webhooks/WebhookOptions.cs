using System.ComponentModel.DataAnnotations;

namespace NewsWire.Api.Webhooks;

/// <summary>How webhooks are delivered (<c>NewsWire:Webhooks</c>, ADR 27 and 28).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "NewsWire:Webhooks";

    /// <summary>Allow webhook URLs on loopback and private networks (tests, private deployments). Link-local
    /// (cloud metadata), multicast and unspecified addresses stay refused.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The Standard Webhooks guidance's waits: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, about 28 hours in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>The waits between attempts, after the first (which is immediate); <see cref="DefaultRetryDelays"/>
    /// unless set. A delivery that fails them all has failed for good. (Null by default: the configuration binder
    /// would add configured values to a default array rather than replace it.)</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;

    /// <summary>Each wait is stretched or shrunk at random by up to this share, so receivers that failed together
    /// are not all retried in the same second.</summary>
    [Range(0, 100)]
    public int JitterPercent { get; set; } = 20;

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one waits this long.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 24 * 3600;

    /// <summary>How long one attempt may take, connection and answer included.</summary>
    [Range(1, 60)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>How often the dispatcher looks for new log entries and the worker for due deliveries, when nothing
    /// on this instance woke them sooner.</summary>
    [Range(10, 60_000)]
    public int PollIntervalMs { get; set; } = 250;

    /// <summary>At most this many attempts in flight on one instance.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delays.Any(d => d < TimeSpan.Zero || d > TimeSpan.FromDays(7)))
        {
            yield return new ValidationResult($"{Section}:RetryDelays must each be between 0 and 7 days.", [nameof(RetryDelays)]);
        }
    }
}
