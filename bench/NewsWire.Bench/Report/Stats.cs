using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsWire.Bench.Report;

/// <summary>Percentiles, and the few raw formats the run leaves behind (GNU time -v, wrk's JSON line).</summary>
internal static partial class Stats
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    /// <summary>GNU time -v: wall-clock seconds and maximum resident set size in MB (10^6 bytes; time reports KiB).</summary>
    public static (double WallSeconds, double MaxRssMB) ReadTime(string file)
    {
        var text = File.ReadAllText(file);
        var wall = WallClock().Match(text).Groups[1].Value.Split(':').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).Aggregate(0.0, (a, p) => a * 60 + p);
        var rss = double.Parse(MaxRss().Match(text).Groups[1].Value, CultureInfo.InvariantCulture) * 1024 / 1e6;
        return (wall, rss);
    }

    /// <summary>GNU time -v: user + system CPU seconds of the process (what a loaded machine inflates least).</summary>
    public static double ReadCpuSeconds(string file)
    {
        var text = File.ReadAllText(file);
        return double.Parse(UserTime().Match(text).Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(SystemTime().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The last JSON line bench/wrk/paths.lua printed.</summary>
    public static JsonObject ReadWrk(string file) =>
        JsonNode.Parse(File.ReadLines(file).Last(l => l.StartsWith('{')))!.AsObject();

    public static double Number(JsonNode? node) => node!.GetValue<double>();

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
