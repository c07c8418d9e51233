using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Storage.Sqlite;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Puts the Lucene engine behind <see cref="IRelatedArticles"/>, and behind <see cref="IArticleSearch"/> when
/// <c>NewsWire:Search:Engine</c> is <c>Lucene</c> (default <c>Fts5</c>: FTS5 answers searches). The index lives in <c>NewsWire:Search:IndexPath</c>,
/// by default beside the SQLite file (newswire.index); <c>NewsWire:Search:Weights:Headline</c> (and Lead, Body,
/// Place) override the field weights; the search budget (<see cref="SearchBudget"/>) holds as for FTS5. It is
/// brought up to date from the store at start-up
/// and before each search (<see cref="LuceneStoreSync"/>, until the change log exists).
/// </summary>
public static class LuceneSearchSetup
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

        var fts5 = engine.Equals("Fts5", StringComparison.OrdinalIgnoreCase);
        if (!fts5 && !engine.Equals("Lucene", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Section}:Engine is '{engine}'; use Fts5 or Lucene.");
        }

        var path = configuration[$"{Section}:IndexPath"] ?? (postgres
            ? throw new InvalidOperationException($"{Section}:IndexPath is required with {StorageOptions.ProviderSetting}=Postgres: a folder for this instance's search index.")
            : DefaultIndexPath(configuration));
        services.AddSingleton(_ => new LuceneIndex(path));
        var weights = configuration.GetSection($"{Section}:Weights").Get<FieldWeights>() ?? FieldWeights.Default;
        services.AddSingleton(provider => new LuceneSearchEngine(provider.GetRequiredService<LuceneIndex>(), new LuceneSearchOptions
        {
            Weights = weights,
            MaxWordsPerPrefix = provider.GetRequiredService<IOptions<SearchBudget>>().Value.MaxWordsPerPrefix,
        }));
        services.AddSingleton<LuceneStoreSync>();
        services.AddHostedService<LuceneStartup>();
        // Related stories are the index's whatever answers searches.
        services.AddScoped<IRelatedArticles, LuceneRelatedArticles>();
        if (!fts5)
        {
            services.AddScoped<LuceneArticleSearch>();
            services.Replace(BudgetedSearch.Around<LuceneArticleSearch>());
        }

        return services;
    }

    /// <summary>newswire.index beside newswire.db; a folder of its own under temp for an in-memory database.</summary>
    private static string DefaultIndexPath(IConfiguration configuration)
    {
        var database = SqliteStorage.DataSourcePath(
            configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultSqliteConnectionString);
        return database is null
            ? Path.Combine(Path.GetTempPath(), $"newswire-{Guid.NewGuid():N}.index")
            : Path.ChangeExtension(database, ".index");
    }

    /// <summary>Indexes the store once the database is migrated and seeded (DatabaseStartup runs before any StartAsync).</summary>
    private sealed class LuceneStartup(IServiceScopeFactory scopes, LuceneStoreSync sync) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await sync.EnsureCurrentAsync(scope.ServiceProvider.GetRequiredService<NewsWireDb>(), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
