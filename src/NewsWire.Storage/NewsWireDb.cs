using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsWire.Storage;

/// <summary>The one model every provider stores; each provider's migrations live in its own assembly (ADR 19).</summary>
public sealed class NewsWireDb(DbContextOptions<NewsWireDb> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<ArticleChange> ArticleChanges => Set<ArticleChange>();
    public DbSet<ChangeLogState> ChangeLogState => Set<ChangeLogState>();
    public DbSet<ChangeLogCursor> ChangeLogCursors => Set<ChangeLogCursor>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsWireDb).Assembly);
        CaseInsensitiveText.Apply(modelBuilder, Database.ProviderName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC DateTime (SQLite cannot order DateTimeOffset in SQL) and come back marked UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Local ? toStore.ToUniversalTime() : DateTime.SpecifyKind(toStore, DateTimeKind.Utc),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}
