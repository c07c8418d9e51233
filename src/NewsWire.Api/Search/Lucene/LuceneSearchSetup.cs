using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The search engine, for every provider (ADR 23): Lucene behind <see cref="IArticleSearch"/> (inside the search
/// budget, <see cref="SearchBudget"/>) and <see cref="IRelatedArticles"/>. The index lives in
/// <c>NewsWire:Search:IndexPath</c>, by default beside the SQLite file (newswire.index), required with
/// PostgreSQL; <c>NewsWire:Search:Weights:Headline</c> (and Lead, Body, Place) override the field weights. The
/// change log keeps it in step (<see cref="LuceneTailer"/>): in the background (<see cref="LuceneTailing"/>) and
/// before each search, which reflects every write acknowledged before it arrived (ADR 22).
/// </summary>
public static partial class LuceneSearchSetup
{
    public const string Section = "NewsWire:Search";

    public static IServiceCollection AddLuceneSearch(this IServiceCollection services, IConfiguration configuration)
    {
        // FTS5 was the engine until ADR 23; a setting that still asks for it (or for anything else) stops the start
        // rather than being ignored.
        var engine = configuration[$"{Section}:Engine"];
        if (engine is not null && !engine.Equals("Lucene", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{Section}:Engine is '{engine}': Lucene is NewsWire's only search engine now (FTS5 was removed); remove the setting.");
        }

        var postgres = string.Equals(configuration[StorageOptions.ProviderSetting], nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);
        var path = configuration[$"{Section}:IndexPath"] ?? (postgres
            ? throw new InvalidOperationException($"{Section}:IndexPath is required with {StorageOptions.ProviderSetting}=Postgres: a folder for this instance's search index.")
            : DefaultIndexPath(configuration));
        services.AddSingleton(provider => OpenIndex(path, provider.GetRequiredService<ILoggerFactory>()));
        var weights = configuration.GetSection($"{Section}:Weights").Get<FieldWeights>() ?? FieldWeights.Default;
        if (!weights.AreUsable)
        {
            throw new InvalidOperationException(
                $"{Section}:Weights (Headline, Lead, Body, Place) must be numbers from 0 to 1000, and one of Headline, Lead and Body above 0; they are {weights}.");
        }

        services.AddSingleton(provider => new LuceneSearchEngine(provider.GetRequiredService<LuceneIndex>(), new LuceneSearchOptions
        {
            Weights = weights,
            MaxWordsPerPrefix = provider.GetRequiredService<IOptions<SearchBudget>>().Value.MaxWordsPerPrefix,
        }));
        services.TryAddSingleton(new LuceneTailerOptions());
        services.AddSingleton<LuceneTailer>();
        services.AddSingleton<ISearchIndexFreshness>(provider => provider.GetRequiredService<LuceneTailer>());
        services.AddScoped<LuceneArticleSearch>();
        // Handlers get the engine inside its budget, so no search runs without one.
        services.Add(BudgetedSearch.Around<LuceneArticleSearch>());
        services.AddScoped<IRelatedArticles, LuceneRelatedArticles>();
        services.AddHostedService<LuceneTailing>();
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
