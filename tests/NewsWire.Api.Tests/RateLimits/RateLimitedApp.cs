using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.RateLimits;

/// <summary>The service with rate limits on, a clock the test moves, and clients that come from a chosen address.</summary>
public sealed class RateLimitedApp : IAsyncDisposable
{
    private readonly NewsWireApp _app;

    public RateLimitedApp(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["NewsWire:RateLimits:Enabled"] = "true" };
        _app = new NewsWireApp(settings: all, services: s => s.AddSingleton<TimeProvider>(Clock));
    }

    public ManualClock Clock { get; } = new();

    /// <summary>A client whose requests arrive from <paramref name="address"/>, optionally with an API key.</summary>
    public HttpClient From(string address = "203.0.113.7", string? apiKey = null)
    {
        var handler = _app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address));
        var client = new HttpClient(handler) { BaseAddress = _app.Server.BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Starts the service, so that settings it rejects show as this call's exception.</summary>
    public void Start() => _ = _app.Server;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
