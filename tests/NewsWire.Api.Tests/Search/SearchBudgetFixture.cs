using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>One service over the crowded archive with the default budget, shared by the budget tests; its store is kept so
/// a test can start a second service (<see cref="NewsWireApp.Beside"/>), with a budget of its own, on the same articles.</summary>
public sealed class SearchBudgetFixture : IAsyncLifetime
{
    public NewsWireApp App { get; } = NewsWireApp.OnTestProvider();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = App.CreateClient();
        await CrowdedArchive.ImportAsync(App.CreateWriter());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
