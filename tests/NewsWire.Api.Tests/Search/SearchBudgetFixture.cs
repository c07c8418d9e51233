using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>One service over the crowded archive with the default budget, shared by the budget tests; its file is kept so
/// a test can start a second service, with a budget of its own, on the same articles.</summary>
public sealed class SearchBudgetFixture : IAsyncLifetime
{
    public NewsWireApp App { get; } = new(Path.Combine(Path.GetTempPath(), $"newswire-budget-{Guid.NewGuid():N}.db"));

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = App.CreateClient();
        await CrowdedArchive.ImportAsync(App.CreateWriter());
    }

    private readonly List<string> _secondIndexes = [];

    /// <summary>Another service on the same file with settings of its own, and an index folder of its own (two
    /// processes cannot share one: Lucene's write lock).</summary>
    public NewsWireApp SecondService(Dictionary<string, string?> settings)
    {
        var index = Path.Combine(Path.GetTempPath(), $"newswire-budget-{Guid.NewGuid():N}.index");
        _secondIndexes.Add(index);
        settings["NewsWire:Search:IndexPath"] = index;
        return new NewsWireApp(App.DatabasePath, settings);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        NewsWireApp.DeleteDatabase(App.DatabasePath);
        foreach (var index in _secondIndexes.Where(Directory.Exists))
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
