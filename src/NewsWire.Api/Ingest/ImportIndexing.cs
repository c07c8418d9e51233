using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Ingest;

/// <summary>
/// The command-line import's part of the search index: while the articles are stored, the change log is tailed
/// into the index as a service would tail it (on the other core), and at the end the index catches up to the
/// last import batch and commits, so store and index are both complete when the command exits. When a running
/// service holds the index folder, this process leaves it alone: that service catches up from the log itself.
/// </summary>
internal sealed class ImportIndexing : IAsyncDisposable
{
    private readonly LuceneTailer? _tailer;
    private readonly LuceneTailing? _tailing;
    private readonly string _skipped;

    private ImportIndexing(LuceneTailer? tailer, LuceneTailing? tailing, string skipped)
    {
        _tailer = tailer;
        _tailing = tailing;
        _skipped = skipped;
    }

    public static async Task<ImportIndexing> StartAsync(IServiceProvider services)
    {
        LuceneTailer tailer;
        try
        {
            tailer = services.GetRequiredService<LuceneTailer>();
        }
        catch (SearchIndexInUseException e)
        {
            return new ImportIndexing(null, null, $"Search index not updated here: {e.Message} The service holding it applies the import from the change log.");
        }

        var tailing = new LuceneTailing(tailer, services.GetRequiredService<LuceneTailerOptions>(), services.GetRequiredService<ILogger<LuceneTailing>>());
        await tailing.StartAsync(CancellationToken.None);
        return new ImportIndexing(tailer, tailing, "");
    }

    /// <summary>Brings the index up to the log's head and commits it; says what it did.</summary>
    public async Task<string> FinishAsync()
    {
        if (_tailer is null || _tailing is null)
        {
            return _skipped;
        }

        await _tailer.EnsureCurrentAsync(CancellationToken.None);
        await _tailing.StopAsync(CancellationToken.None);
        return $"Search index: up to date at change-log position {_tailer.Applied:N0} ({_tailer.Index.Count:N0} articles in {_tailer.Index.Path}).";
    }

    public async ValueTask DisposeAsync()
    {
        if (_tailing is not null)
        {
            await _tailing.StopAsync(CancellationToken.None);
            _tailing.Dispose();
        }
    }
}
