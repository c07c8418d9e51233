using NewsWire.Api.Data;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// The host the command-line tools (import, reindex) run in: the service's own registration (same provider,
/// writer and settings), quiet logging, no port, and none of the service's background work. Of the hosted
/// services only those on <see cref="KeptHostedServices"/> survive: the others (webhook dispatch and delivery,
/// the live stream's feed, change-log compaction, the Lucene tailer) would send webhooks from an operator's
/// shell, spend retries and leave claims held at exit. The list is a keep-list, not a remove-list, so a hosted
/// service added later stays out of the commands until someone decides it belongs there.
/// </summary>
public static class CommandHost
{
    /// <summary>What every command needs started: the database migrated forward (and seeded when new).</summary>
    internal static readonly IReadOnlySet<Type> KeptHostedServices = new HashSet<Type> { typeof(DatabaseStartup) };

    /// <summary>Builds the host from the command's --Key=Value settings; the caller starts and stops it.</summary>
    public static IHost Build(IEnumerable<string> settings)
    {
        // A plain host, not a web application: a command must not open a port.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings.ToArray(), ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning"; // the command's progress line is its output
        builder.AddNewsWire();
        WithoutBackgroundServices(builder.Services);
        return builder.Build();
    }

    /// <summary>--Key=Value arguments are configuration, read as the service reads its command line.</summary>
    public static bool IsSetting(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// Removes every hosted service not kept, however it was registered: by type, by instance or by factory
    /// (a factory registration has no ImplementationType, so matching on it would miss it).
    /// </summary>
    internal static void WithoutBackgroundServices(IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && !IsKept(d)).ToList())
        {
            services.Remove(hosted);
        }
    }

    private static bool IsKept(ServiceDescriptor descriptor) =>
        !descriptor.IsKeyedService && descriptor.ImplementationType is { } type && KeptHostedServices.Contains(type);
}
