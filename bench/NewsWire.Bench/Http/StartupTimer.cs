using System.Diagnostics;

namespace NewsWire.Bench.Http;

/// <summary>
/// Start-up time on an existing database: from starting <c>dotnet NewsWire.Api.dll</c> to the first answered
/// request (GET /health, 200), polled every 5 ms. The database is already migrated, so this is the cost of
/// the host, the migration check and the first request, not of creating the schema.
/// </summary>
internal static class StartupTimer
{
    public static async Task<List<double>> RunAsync(string dll, string database, int port, int runs)
    {
        var times = new List<double>();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ConnectionStrings__NewsWire"] = $"Data Source={database}";
            start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                while (true)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                    {
                        throw new InvalidOperationException("The service did not answer within 60 s.");
                    }

                    try
                    {
                        using var response = await client.GetAsync("/health");
                        if (response.IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // not listening yet
                    }

                    await Task.Delay(5);
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            finally
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        return times;
    }
}
