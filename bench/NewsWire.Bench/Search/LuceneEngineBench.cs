using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Bench.Corpus;
using NewsWire.Bench.Report;

namespace NewsWire.Bench.Search;

/// <summary>
/// The Lucene engine alone, in process: index N generated articles (the corpus `generate` writes, same seed),
/// commit once, then time the 17-search mix round-robin as <see cref="EngineBaseline"/> times FTS5's
/// statements, after <c>warmup</c> untimed rounds (10 by default: .NET's tiered JIT compiles a method's
/// optimized code only after some 30 calls, in the background; SQLite, native, needs one round for the page
/// cache), each request built as the endpoint builds it and answered with hits, highlights and facets.
/// The engine stores no text: the page's headlines and bodies come from memory here, standing in for the
/// store's read of the page's rows by id (not timed). Also times the four facets over the largest match set
/// of the mix ("said"), with and without facets.
/// </summary>
internal static partial class LuceneEngineBench
{
    public sealed record CaseFigures(string Name, string Url, int Total, double MedianMs, double P99Ms, double MeanMs, double CpuMedianMs, double CpuP99Ms);

    public static object Run(string corpus, int size, int rounds, int warmup, string folder, bool reuse)
    {
        var articles = new CorpusGenerator(ReutersStories.Read(corpus)).Generate(size, 1987)
            .Select((line, i) => ToArticle(i + 1, line)).ToArray();
        var indexing = reuse && Directory.Exists(folder) ? null : Index(articles, folder);
        using var index = new LuceneIndex(folder);
        var engine = new LuceneSearchEngine(index);
        int Search(SearchRequest request)
        {
            var page = engine.Search(request);
            var highlighter = LuceneSearchEngine.Highlighter(request);
            foreach (var hit in page.Hits)
            {
                var article = articles[hit.Id - 1];
                highlighter.Highlight(article.Headline, article.Body);
            }

            return page.Total;
        }

        var cases = QueryMix.Cases.Select(c => (Case: c, Request: Request(c.ToParameters()), Samples: new List<double>(rounds), Cpu: new List<double>(rounds), Total: new int[1])).ToList();
        for (var round = -warmup; round < rounds; round++)
        {
            foreach (var (_, request, samples, cpu, total) in cases)
            {
                var cpuStart = ThreadCpuMs();
                var clock = Stopwatch.StartNew();
                total[0] = Search(request);
                clock.Stop();
                if (round >= 0)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                    cpu.Add(ThreadCpuMs() - cpuStart);
                }
            }
        }

        var all = cases.SelectMany(c => c.Samples).ToList();
        var allCpu = cases.SelectMany(c => c.Cpu).ToList();
        var largest = new SearchParameters { Q = "said" };
        var withFacets = Time(Search, Request(largest with { Facets = "source,tag,place,month" }), rounds, warmup);
        var without = Time(Search, Request(largest), rounds, warmup);
        return new
        {
            articles = index.Count,
            rounds,
            warmup,
            indexing,
            indexBytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length),
            mix = new
            {
                medianMs = Ms(Stats.Percentile(all, 50)), p99Ms = Ms(Stats.Percentile(all, 99)), meanMs = Ms(all.Average()),
                cpuMedianMs = Ms(Stats.Percentile(allCpu, 50)), cpuP99Ms = Ms(Stats.Percentile(allCpu, 99)),
            },
            cases = cases.Select(c => new CaseFigures(c.Case.Name, c.Case.Url(), c.Total[0],
                Ms(Stats.Percentile(c.Samples, 50)), Ms(Stats.Percentile(c.Samples, 99)), Ms(c.Samples.Average()), Ms(Stats.Percentile(c.Cpu, 50)), Ms(Stats.Percentile(c.Cpu, 99)))).ToList(),
            facetsOverLargestMatchSet = new
            {
                q = "said",
                total = withFacets.Total,
                withFacetsMedianMs = Ms(withFacets.Median),
                withoutFacetsMedianMs = Ms(without.Median),
                withFacetsCpuMedianMs = Ms(withFacets.CpuMedian),
                withoutFacetsCpuMedianMs = Ms(without.CpuMedian),
            },
        };
    }

    private static object Index(IndexedArticle[] articles, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using (var index = new LuceneIndex(folder, ramBufferMB: 128))
        {
            // Commits batched: one per 100,000 articles (each commit fsyncs every new file).
            foreach (var batch in articles.Chunk(100_000))
            {
                index.Upsert(batch);
                index.Commit(batch[^1].Id);
            }
        }

        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new
        {
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            cpuSeconds = Math.Round(cpuSeconds, 1),
            articlesPerSecond = Math.Round(articles.Length / clock.Elapsed.TotalSeconds),
        };
    }

    private static IndexedArticle ToArticle(long id, CorpusLine line) => new(
        id, line.Headline, null, line.Body, [], line.Place, line.Source, line.Tags, "en",
        DateTime.Parse(line.PublishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), false);

    private static SearchRequest Request(SearchParameters parameters)
    {
        var errors = new Dictionary<string, string[]>();
        return parameters.ToRequest(errors) ?? throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
    }

    private static (int Total, double Median, double CpuMedian) Time(Func<SearchRequest, int> search, SearchRequest request, int rounds, int warmup)
    {
        var samples = new List<double>(rounds);
        var cpu = new List<double>(rounds);
        var total = 0;
        for (var round = -warmup; round < rounds; round++)
        {
            var cpuStart = ThreadCpuMs();
            var clock = Stopwatch.StartNew();
            total = search(request);
            if (round >= 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add(ThreadCpuMs() - cpuStart);
            }
        }

        return (total, Stats.Percentile(samples, 50), Stats.Percentile(cpu, 50));
    }

    /// <summary>
    /// CPU time of the calling thread (a search runs on it alone), which other processes on a shared machine
    /// do not inflate as they inflate the wall clock. Linux's CLOCK_THREAD_CPUTIME_ID.
    /// </summary>
    private static double ThreadCpuMs() => ClockGetTime(3, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static double Ms(double value) => Stats.Round(value);
}
