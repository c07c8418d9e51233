using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsWire.Api.Data;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Puts the Lucene engine behind <see cref="IArticleSearch"/> when <c>NewsWire:Search:Engine</c> is
/// <c>Lucene</c> (default <c>Fts5</c>: nothing changes). The index lives in <c>NewsWire:Search:IndexPath</c>,
/// by default beside the SQLite file (newswire.index); <c>NewsWire:Search:Weights:Headline</c> (and Lead, Body,
/// Place) override the field weights; the search budget (<see cref="SearchBudget"/>) holds as for FTS5. The
/// change log keeps it in step (<see cref="LuceneTailer"/>): in the background (<see cref="LuceneTailing"/>) and
/// before each search, which reflects every write acknowledged before it arrived (ADR 22).
/// </summary>
public static partial class LuceneSearchSetup
{
    public const string Section = "NewsWire:Search";

    public static IServiceCollection AddLuceneSearch(this IServiceCollection services, IConfiguration configuration)
    {
        // FTS5 lives in the SQLite file; on PostgreSQL the Lucene engine is the search (ADR 19).
        var postgres = string.Equals(configuration[StorageOptions.ProviderSetting], nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);
        var engine = configuration[$"{Section}:Engine"] ?? (postgres ? "Lucene" : "Fts5");
        if (postgres && !engine.Equals("Lucene", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Section}:Engine is '{engine}'; with {StorageOptions.ProviderSetting}=Postgres the engine is Lucene.");
        }

        if (engine.Equals("Fts5", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        if (!engine.Equals("Lucene", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Section}:Engine is '{engine}'; use Fts5 or Lucene.");
        }

        var path = configuration[$"{Section}:IndexPath"] ?? (postgres
            ? throw new InvalidOperationException($"{Section}:IndexPath is required with {StorageOptions.ProviderSetting}=Postgres: a folder for this instance's search index.")
            : DefaultIndexPath(configuration));
        services.AddSingleton(provider => OpenIndex(path, provider.GetRequiredService<ILoggerFactory>()));
        var weights = configuration.GetSection($"{Section}:Weights").Get<FieldWeights>() ?? FieldWeights.Default;
        services.AddSingleton(provider => new LuceneSearchEngine(provider.GetRequiredService<LuceneIndex>(), new LuceneSearchOptions
        {
            Weights = weights,
            MaxWordsPerPrefix = provider.GetRequiredService<IOptions<SearchBudget>>().Value.MaxWordsPerPrefix,
        }));
        services.TryAddSingleton(new LuceneTailerOptions());
        services.AddSingleton<LuceneTailer>();
        services.AddSingleton<ISearchIndexFreshness>(provider => provider.GetRequiredService<LuceneTailer>());
        services.AddScoped<LuceneArticleSearch>();
        services.Replace(BudgetedSearch.Around<LuceneArticleSearch>());
        services.AddHostedService<LuceneTailing>();
        return services;
    }

    /// <summary>Whether <see cref="AddLuceneSearch"/> chose the Lucene engine.</summary>
    public static bool IsLucene(IServiceProvider services) => services.GetService<LuceneTailerOptions>() is not null;

    /// <summary>For the commands: the index is theirs to open and feed (or not), not the background tailer's.</summary>
    public static IServiceCollection WithoutBackgroundTailing(this IServiceCollection services)
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LuceneTailing)).ToList())
        {
            services.Remove(hosted);
        }

        return services;
    }

    /// <summary>An index that cannot be opened is replaced by an empty one, which the tailer rebuilds from the store.</summary>
    private static LuceneIndex OpenIndex(string path, ILoggerFactory loggers)
    {
        var index = LuceneIndex.OpenOrReplace(path, out var damage);
        if (damage is not null)
        {
            LogReplaced(loggers.CreateLogger<LuceneIndex>(), path, damage);
        }

        return index;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index at {Path} could not be opened ({Damage}); replaced by an empty one, to be rebuilt from the store")]
    private static partial void LogReplaced(ILogger logger, string path, string damage);

    /// <summary>newswire.index beside newswire.db; a folder of its own under temp for an in-memory database.</summary>
    private static string DefaultIndexPath(IConfiguration configuration)
    {
        var database = SqliteStorage.DataSourcePath(
            configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultSqliteConnectionString);
        return database is null
            ? Path.Combine(Path.GetTempPath(), $"newswire-{Guid.NewGuid():N}.index")
            : Path.ChangeExtension(database, ".index");
    }
}
