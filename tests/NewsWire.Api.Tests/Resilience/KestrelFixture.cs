using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>One service on real Kestrel for a test class: Kestrel, not TestServer, enforces body and header limits.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    private readonly NewsWireApp _app = NewsWireApp.OnTestProvider();

    public HttpClient Writer { get; private set; } = null!;
    public HttpClient Reader { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        Writer = _app.CreateWriter();
        Reader = _app.CreateClient();
        Writer.Timeout = Reader.Timeout = TimeSpan.FromSeconds(60);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Writer.Dispose();
        Reader.Dispose();
        await _app.DisposeAsync();
    }
}
