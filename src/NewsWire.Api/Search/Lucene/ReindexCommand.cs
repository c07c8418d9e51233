using System.Diagnostics;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// <c>NewsWire.Api reindex [--Key=Value...]</c>: rebuilds this instance's search index from the store
/// (<see cref="LuceneRebuild"/>), with a progress bar on standard error and a summary on standard output. It
/// needs the index folder to itself: while a service holds it (Lucene's write.lock) it refuses and changes
/// nothing. The rebuild ends at the log position read before the first article, so a service started
/// afterwards applies whatever was written meanwhile.
/// </summary>
public static class ReindexCommand
{
    public const string Usage = """
        Usage: NewsWire.Api reindex [--Key=Value...]
          --Key=Value  configuration, as for the service (--ConnectionStrings:NewsWire="Data Source=x.db",
                       --NewsWire:Search:IndexPath=/var/lib/newswire/index)
        Rebuilds the Lucene search index (NewsWire:Search:IndexPath, default beside the SQLite file) from the
        database. Stop the service that uses the index folder first: a running service holds it.
        """;

    /// <summary>Exit codes: 0 rebuilt, 2 bad arguments, 3 the index is in use.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault(a => !CommandHost.IsSetting(a)) is { } unknown)
        {
            await Console.Error.WriteLineAsync((unknown is "-h" or "--help" ? "" : $"Unknown argument: {unknown}{Environment.NewLine}") + Usage);
            return 2;
        }

        using var app = CommandHost.Build(args); // no background services: the rebuild is the only index writer
        await app.StartAsync(); // migrations, as the service runs them
        try
        {
            LuceneTailer tailer;
            try
            {
                tailer = app.Services.GetRequiredService<LuceneTailer>();
            }
            catch (SearchIndexInUseException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 3;
            }

            var bar = new ProgressBar();
            var figures = await tailer.RebuildAsync(bar.Show, CancellationToken.None);
            ProgressBar.Clear();
            var rate = figures.Articles / Math.Max(figures.Elapsed.TotalSeconds, 0.001);
            Console.WriteLine($"Reindexed {figures.Articles:N0} articles in {figures.Elapsed.TotalSeconds:N1} s ({rate:N0}/s) " +
                $"into {tailer.Index.Path}, at change-log position {figures.Position:N0}.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>One line on standard error, rewritten in place at most ten times a second: a bar, count, rate.</summary>
    private sealed class ProgressBar
    {
        private const int Width = 30;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private TimeSpan? _shown;

        public void Show(long done, long total)
        {
            lock (_lock)
            {
                if (_shown is { } shown && _clock.Elapsed - shown < TimeSpan.FromMilliseconds(100) && done < total)
                {
                    return;
                }

                _shown = _clock.Elapsed;
                var share = total == 0 ? 1 : Math.Min(1, (double)done / total);
                var filled = (int)(share * Width);
                Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {share * 100,3:0}% " +
                    $"{done,12:N0} / {total:N0} articles {done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001),8:N0}/s ");
            }
        }

        public static void Clear() => Console.Error.Write("\r" + new string(' ', 100) + "\r");
    }
}
