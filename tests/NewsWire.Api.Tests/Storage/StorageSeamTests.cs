using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Tests.Storage;

/// <summary>The shape of the storage seam (ADR 19), checked so that it does not erode one shortcut at a time.</summary>
public sealed partial class StorageSeamTests
{
    /// <summary>Where SQLite's own API may be named: its provider project.</summary>
    private static readonly string[] SqliteHomes = ["src/NewsWire.Storage.Sqlite/"];

    [Fact]
    public void NothingOutsideTheSqliteProviderNamesSqliteConnectionsOrWritesAPragma()
    {
        var root = Repository.Root;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !SqliteHomes.Any(home => file.StartsWith(home, StringComparison.Ordinal)))
            .Where(file => SqliteOnly().IsMatch(File.ReadAllText(Path.Combine(root, file))))
            .ToList();

        offenders.Should().BeEmpty("SQLite's connection, transaction and pragmas belong to its provider (ADR 19)");
    }

    [Fact]
    public async Task TheSqliteMigrationsKeepTheirIdsSoExistingDatabasesNeedNothingNew()
    {
        await using var app = new NewsWireApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();

        // The history table names migrations by id alone; the ids are what moved assemblies must keep
        // (the first five were applied from the host's assembly before ADR 19).
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(
            "20261129041543_InitialCreate",
            "20261129041557_AddFullTextSearch",
            "20261129042356_AddNearDuplicates",
            "20261129044942_AddBylineAndCredits",
            "20261129045433_IndexesForHiddenDuplicates",
            "20261201102547_AddChangeLog",
            "20261201124500_DropFullTextSearch",
            "20261201134000_AddWebhooks",
            "20261201190000_ArticleBandsWithoutRowid");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.GetService<IMigrationsAssembly>().Assembly.Should().BeSameAs(typeof(SqliteStorage).Assembly);
        db.Database.HasPendingModelChanges().Should().BeFalse("the model and the SQLite snapshot agree");
    }

    [Fact]
    public async Task FilteredColumnsAreCaseInsensitiveByTheModelsDecision()
    {
        await using var app = new NewsWireApp();
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<NewsWireDb>().GetService<IDesignTimeModel>().Model;

        var marked = model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(CaseInsensitiveText.IsCaseInsensitive)
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}:{p.GetCollation()}");

        marked.Should().BeEquivalentTo("Article.Source:NOCASE", "Article.Place:NOCASE", "Article.Lang:NOCASE", "ArticleTag.Name:NOCASE");
    }

    [Theory]
    [InlineData("/api/articles?source=tass&place=TASHKENT&lang=EN&tag=REFUGEES")]
    [InlineData("/api/search?q=refugees&source=tass&place=TASHKENT&lang=EN&tag=REFUGEES")]
    public async Task EveryValueFilterIgnoresCaseInListingAndSearch(string address)
    {
        await using var app = new NewsWireApp();

        var body = await app.CreateClient().GetStringAsync(address);

        body.Should().Contain("\"total\":1").And.Contain("Refugee crisis");
    }

    [Fact]
    public async Task AnUnknownProviderStopsTheStartAndNamesTheSetting()
    {
        await using var app = new NewsWireApp(settings: new Dictionary<string, string?> { ["NewsWire:Provider"] = "Oracle" });

        var start = () => app.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*NewsWire:Provider*Oracle*Sqlite*");
    }

    [Fact]
    public void AnOriginThatIsNotOneStopsTheStart()
    {
        // The check the host runs when it starts (ValidateOnStart), run without a host.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NewsWire:Cors:Origins:0"] = "desk.example/path" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddNewsWireHttp();
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*NewsWire:Cors:Origins*");
    }

    // SQLite's ADO.NET types and namespace, and a PRAGMA in any case (a C# #pragma is not one).
    [GeneratedRegex(@"\bSqlite(Connection|Transaction|Command|DataReader|Exception|Parameter|Factory)\b|\bMicrosoft\.Data\.Sqlite\b|(?<!#)\bpragma\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteOnly();
}
