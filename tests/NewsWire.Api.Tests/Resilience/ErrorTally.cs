using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// Counts answers by status and keeps the first few that break the contract: any 5xx, any 4xx that is not an
/// RFC 9457 problem (application/problem+json), any body that leaks "database is locked". Thread-safe, so load
/// tests share one; a test asserts <see cref="Violations"/> is empty and prints <see cref="Describe"/>.
/// </summary>
public sealed class ErrorTally
{
    private const int KeptViolations = 20;
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private int _violationCount;

    public IReadOnlyCollection<string> Violations => _violations;
    public int ViolationCount => _violationCount;
    public int Total => _byStatus.Values.Sum();
    public int Count(int status) => _byStatus.GetValueOrDefault(status);

    /// <summary>Records the answer; returns its body so a caller can read it once.</summary>
    public async Task<string> RecordAsync(string request, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string? problem = null;
        if (status >= 500)
        {
            problem = "a server error";
        }
        else if (status >= 400 && mediaType != "application/problem+json")
        {
            problem = $"a {status} that is not a problem (Content-Type: {mediaType ?? "none"})";
        }
        else if (body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
        {
            problem = "\"database is locked\" in the body";
        }

        if (problem is not null)
        {
            Interlocked.Increment(ref _violationCount);
            if (_violations.Count < KeptViolations)
            {
                _violations.Enqueue($"{Clip(request)} → {status} {response.ReasonPhrase}: {problem}; body: {Clip(body)}");
            }
        }

        return body;
    }

    /// <summary>The server closed the connection without answering: always a violation.</summary>
    public void RecordNoAnswer(string request, Exception exception)
    {
        _byStatus.AddOrUpdate(0, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _violationCount);
        if (_violations.Count < KeptViolations)
        {
            _violations.Enqueue($"{Clip(request)} → no answer: {exception.Message} {exception.InnerException?.Message}");
        }
    }

    public string Describe() =>
        $"{Total:N0} answers: " + string.Join(", ", _byStatus.OrderBy(p => p.Key).Select(p => p.Key == 0 ? $"{p.Value:N0}× no answer" : $"{p.Value:N0}× {p.Key} {(HttpStatusCode)p.Key}"))
        + $"; {_violationCount} broke the contract.";

    public string ViolationReport() => new StringBuilder().AppendJoin(Environment.NewLine, _violations).ToString();

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
