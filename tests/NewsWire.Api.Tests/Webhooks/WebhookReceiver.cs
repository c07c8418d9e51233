using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>One request as the receiver got it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int Answered, bool SpecVerified, bool LibraryVerified);

/// <summary>
/// A real HTTP receiver on a started Kestrel (loopback, a free port): it answers each request with the next
/// status of its script (then 200), and checks every signature twice: by the specification's algorithm written
/// out here (HMAC-SHA256 over <c>id.timestamp.body</c> with the secret's base64-decoded bytes), and by the
/// StandardWebhooks package, so neither the service's signing nor one library's reading can hide a mistake.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task<int>>> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The secret the subscription answered with; set before the first delivery arrives.</summary>
    public string? Secret { get; set; }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public IReadOnlyCollection<ReceivedWebhook> Received => _received;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses, one each.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(_ => Task.FromResult(status));
        }
    }

    /// <summary>The next request is answered by <paramref name="answer"/>, which sets headers and returns the status.</summary>
    public void Answer(Func<HttpContext, Task<int>> answer) => _script.Enqueue(answer);

    /// <summary>Waits until <paramref name="count"/> requests in all have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            left.Should().BePositive($"{count} webhook(s) should have arrived; {_received.Count} did");
            await _arrived.WaitAsync(left);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signature = context.Request.Headers["webhook-signature"].ToString();
        var status = _script.TryDequeue(out var answer) ? await answer(context) : 200;
        _received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, status,
            SpecVerified(id, timestamp, body, signature), LibraryVerified(body, context.Request.Headers)));
        _arrived.Release();
        context.Response.StatusCode = status;
    }

    /// <summary>The Standard Webhooks algorithm, written from the specification.</summary>
    private bool SpecVerified(string id, string timestamp, string body, string signatures)
    {
        if (Secret is null || !Secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return signatures.Split(' ').Any(s => s == "v1," + expected);
    }

    private bool LibraryVerified(string body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(Secret!).Verify(body, headers);
            return true;
        }
        catch (Exception e) when (e is StandardWebhooks.Diagnostics.WebhookVerificationException or FormatException or ArgumentNullException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
