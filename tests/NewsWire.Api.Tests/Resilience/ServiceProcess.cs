using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Resilience;

/// <summary>
/// The service as a real process, `dotnet NewsWire.Api.dll --urls http://127.0.0.1:PORT`, configured through the
/// environment as an operator would, so that it can be killed (SIGKILL) and started again on the same file.
/// Its console output is kept so a failing test can show what the service said.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public IEnumerable<string> Output => _output;

    /// <param name="databasePath">The SQLite file, created and seeded if it does not exist.</param>
    /// <param name="environment">More settings, as an operator would set them (runtime settings such as
    /// <c>DOTNET_GCHeapHardLimit</c> included).</param>
    public static async Task<ServiceProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var binary = Path.Combine(AppContext.BaseDirectory, "NewsWire.Api.dll");
        // `dotnet <missing dll>` runs the SDK's command line instead, which fails on a deleted working folder with a
        // TypeInitializationException in Microsoft.DotNet.Cli.Parser (CI, 2026-12-01 17:14: the checkout was replaced
        // under a test run still going): say what happened instead.
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is gone: the test binaries were deleted while the tests ran (was the checkout replaced by another run?)");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(binary);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__NewsWire"] = $"Data Source={databasePath}";
        start.Environment["NewsWire__ApiKeys__0"] = NewsWireApp.ApiKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The load tests send far more than a client may; what they test is not the limits (RateLimitTests is).
        start.Environment["NewsWire__RateLimits__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilHealthyAsync();
        return service;
    }

    /// <summary>The service on a test store of the run's provider (a SQLite file or a PostgreSQL database,
    /// <see cref="TestStore"/>), which outlives the process so another can start on it.</summary>
    public static Task<ServiceProcess> StartAsync(TestStore store, IReadOnlyDictionary<string, string>? environment = null)
    {
        var all = store.Environment.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return StartAsync(store.SqlitePath ?? Path.Combine(Path.GetTempPath(), "newswire-unused.db"), all);
    }

    /// <summary>A client for this process; <paramref name="withKey"/> adds X-Api-Key.</summary>
    public HttpClient CreateClient(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", NewsWireApp.ApiKey);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint, the OS drops the process mid-write.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; true when the process has exited within <paramref name="wait"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Resident memory now and at its peak since the last <see cref="ResetPeakMemory"/> (Linux: /proc), in MB.</summary>
    public (double Current, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Megabytes(string key) =>
            long.Parse(status.Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim().Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture) * 1024 / 1e6;
        return (Megabytes("VmRSS"), Megabytes("VmHWM"));
    }

    /// <summary>Sets the peak to the current resident memory (writing 5 to /proc/PID/clear_refs), so a peak measures one step.</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first answer
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The service did not become healthy in 60 s:\n{string.Join('\n', _output)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
