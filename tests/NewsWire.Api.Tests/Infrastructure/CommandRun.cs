using System.Diagnostics;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>A command of the service's binary (<c>import</c>, <c>reindex</c>) run as an operator runs it: a process of
/// its own on a SQLite file, in a working folder, its exit code and both output streams read whole.</summary>
public static class CommandRun
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string folder, string database, string command, params string[] arguments)
    {
        var start = StartInfo(database, command, arguments);
        start.WorkingDirectory = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>How the command is started, both output streams redirected: for a caller that reads them itself.</summary>
    public static ProcessStartInfo StartInfo(string database, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsWire.Api.dll"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add($"--ConnectionStrings:NewsWire=Data Source={database}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
