using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsWire.Api;
using NewsWire.Api.Search;

namespace NewsWire.Bench.Search;

/// <summary>
/// The service's search without HTTP: the service's own composition root (<c>AddNewsWire</c>, as the import
/// command builds it) in this process, with the settings the service runs with, and each search answered by
/// the <see cref="IArticleSearch"/> the endpoint gets (budget, store read of the page, highlights), from a
/// scope of its own as a request has. What HTTP adds on top (Kestrel, routing, the endpoint's binding and JSON)
/// is the difference between this and the same search through the running service. The host is started, so
/// its start-up work (migration check, the index catching up with the store) happens before the first search
/// and is timed apart.
/// </summary>
internal sealed class InProcessSearch : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSearch(IHost host) => _host = host;

    public TimeSpan StartTime { get; private init; }

    /// <param name="settings">configuration as the service takes it (<c>ConnectionStrings:NewsWire</c>, <c>NewsWire:Search:IndexPath</c>…)</param>
    public static async Task<InProcessSearch> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddNewsWire();
        var host = builder.Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await host.StartAsync();
        return new InProcessSearch(host) { StartTime = clock.Elapsed };
    }

    /// <summary>Parses the case as the endpoint parses its query string and answers it; returns the total.</summary>
    public async Task<int> SearchAsync(SearchCase search)
    {
        var errors = new Dictionary<string, string[]>();
        var request = search.ToParameters().ToRequest(errors)
            ?? throw new ArgumentException($"{search.Url()}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        await using var scope = _host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IArticleSearch>().SearchAsync(request, CancellationToken.None);
        return page.Total;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
