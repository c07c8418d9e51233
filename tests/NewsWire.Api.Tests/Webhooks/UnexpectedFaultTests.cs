using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>The provider's webhook locks, failing once each with an exception type no code path expects: what
/// a bug or an odd driver fault looks like to the dispatcher and the delivery worker.</summary>
internal sealed class FaultingOnceLocks(IWebhookLocks inner) : IWebhookLocks
{
    private int _dispatchFaults = 1;
    private int _dueFaults = 1;

    public int Faults { get; private set; }

    public Task<bool> TryEnterDispatchAsync(NewsWireDb db, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _dispatchFaults, 0) == 1)
        {
            Faults++;
            throw new NotSupportedException("injected dispatcher fault");
        }

        return inner.TryEnterDispatchAsync(db, cancellationToken);
    }

    public Task<List<long>> DueAsync(NewsWireDb db, DateTime now, int count, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _dueFaults, 0) == 1)
        {
            Faults++;
            throw new IOException("injected delivery worker fault");
        }

        return inner.DueAsync(db, now, count, cancellationToken);
    }

    /// <summary>Wraps whichever provider's locks are registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IWebhookLocks));
        services.Remove(registered);
        services.AddSingleton<IWebhookLocks>(provider => new FaultingOnceLocks(
            (IWebhookLocks)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}

/// <summary>An unexpected exception in a round is logged and the loop goes on: a BackgroundService that throws
/// stops the whole host by default (.NET 8+), so one odd fault would take the archive down, not only webhooks.</summary>
public sealed class UnexpectedFaultTests : IAsyncLifetime
{
    private readonly NewsWireApp _app = NewsWireApp.OnTestProvider(WebhookSettings.Fast(), FaultingOnceLocks.Decorate);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task AFaultOfAnUnexpectedTypeIsSurvivedAndLaterArticlesAreStillPushed()
    {
        using var writer = _app.CreateWriter();
        var created = await writer.SubscribeAsync(new { q = "harvest", webhook = new { url = new Uri(_receiver.Address, "/hook").AbsoluteUri } });
        _receiver.Secret = created.Secret;
        var locks = (FaultingOnceLocks)_app.Services.GetRequiredService<IWebhookLocks>();

        var article = await writer.CreateAsync(WebhookSettings.Story("Kazakhstan harvest beats forecast"));
        await _receiver.WaitForAsync(1);

        locks.Faults.Should().Be(2, "both the dispatcher and the delivery worker met their fault");
        _receiver.Received.Single().Body.Should().Contain($"\"id\":{article.Id}");
        (await writer.GetAsync("/api/articles")).IsSuccessStatusCode.Should().BeTrue("the service still answers");
    }
}
