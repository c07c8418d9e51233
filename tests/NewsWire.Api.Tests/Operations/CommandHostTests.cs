using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Tests.Operations;

/// <summary>The commands' host starts the database and nothing else: no webhooks, stream feed, compaction or tailer.</summary>
public sealed class CommandHostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newswire-command-host-").FullName;
    private string Setting => $"--ConnectionStrings:NewsWire=Data Source={Path.Combine(_folder, "cli.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void OnlyTheDatabaseStartupIsHostedInACommand()
    {
        using var host = CommandHost.Build([Setting]);

        host.Services.GetServices<IHostedService>().Select(s => s.GetType()).Should().Equal(typeof(DatabaseStartup));
    }

    [Fact]
    public void TheServiceItselfRegistersBackgroundWorkThatTheKeepListDrops()
    {
        // Guards the test above against passing because the service stopped registering its workers.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [Setting], ContentRootPath = AppContext.BaseDirectory });
        builder.AddNewsWire();
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();

        hosted.Should().Contain(d => d.ImplementationFactory != null, "the live stream's feed is registered through a factory");
        hosted.Should().HaveCountGreaterThan(2);

        CommandHost.WithoutBackgroundServices(builder.Services);

        builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType).Should().Equal(typeof(DatabaseStartup));
    }
}
