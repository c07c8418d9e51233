using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace NewsWire.Bench.Report;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal static class Machine
{
    public static JsonObject Describe() => new()
    {
        ["cpu"] = Line("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim(),
        ["cores"] = Environment.ProcessorCount,
        ["memoryGiB"] = Math.Round(double.Parse(Line("/proc/meminfo", "MemTotal")!.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024, 1),
        ["os"] = Line("/etc/os-release", "PRETTY_NAME")?.Split('=', 2)[1].Trim('"'),
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["sqliteInService"] = SqliteVersion(),
        ["sqlite3Tool"] = Run("sqlite3", "--version")?.Split(' ')[0],
        ["wrk"] = Run("wrk", "-v")?.Split(' ')[1],
    };

    private static string? Line(string file, string prefix) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static string? Run(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
