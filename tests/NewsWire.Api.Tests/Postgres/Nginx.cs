using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// Debian's nginx as the load balancer in front of NewsWire processes: a configuration of its own in a temporary
/// prefix, round robin over the instances, started in the foreground and stopped with the test.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _prefix;

    private Nginx(Process process, string prefix, Uri address)
    {
        _process = process;
        _prefix = prefix;
        Address = address;
    }

    public Uri Address { get; }

    public static string? SkipReason =>
        File.Exists(Executable) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "nginx test skipped: no nginx at /usr/sbin/nginx (apt-get install -y nginx). Under CI=true it fails instead.";

    /// <summary>The configuration an operator would write (README, "Running several instances"), with these ports.</summary>
    public static string Configuration(int listen, IEnumerable<Uri> instances, string prefix) => $$"""
        daemon off;
        user root;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 1024; }
        http {
            access_log off;
            client_body_temp_path {{prefix}}/body;
            proxy_temp_path {{prefix}}/proxy;
            client_max_body_size 0;
            upstream newswire {
        {{string.Join("\n", instances.Select(i => $"        server {i.Authority};"))}}
                keepalive 32;
            }
            server {
                listen 127.0.0.1:{{listen}};
                location / {
                    proxy_pass http://newswire;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
            }
        }
        """;

    public static async Task<Nginx> StartAsync(IReadOnlyList<Uri> instances)
    {
        var prefix = Directory.CreateTempSubdirectory("newswire-nginx-").FullName;
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), Configuration(port, instances, prefix));
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(prefix);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(prefix, "nginx.conf"));
        var nginx = new Nginx(Process.Start(start)!, prefix, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (nginx._process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await nginx._process.StandardError.ReadToEndAsync());
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not answer /health in 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
