using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.ToTable("Articles");
        article.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug).IsOrdinal();
        article.HasIndex(a => a.Slug).IsUnique();

        // Filters compare these without regard to case (source=tass finds TASS): CaseInsensitiveText says how.
        article.Property(a => a.Source).HasMaxLength(ArticleLimits.Source).IsCaseInsensitive();
        article.Property(a => a.Place).HasMaxLength(ArticleLimits.Place).IsCaseInsensitive();
        article.Property(a => a.Lang).HasMaxLength(ArticleLimits.Lang).IsCaseInsensitive();
        article.Property(a => a.Headline).HasMaxLength(ArticleLimits.Headline);
        article.Property(a => a.Lead).HasMaxLength(ArticleLimits.Lead);
        article.Property(a => a.Dateline).HasMaxLength(ArticleLimits.Dateline);
        article.Property(a => a.Section).HasMaxLength(ArticleLimits.Section);
        article.Property(a => a.Url).HasMaxLength(ArticleLimits.Url);
        article.Property(a => a.ExternalId).HasMaxLength(ArticleLimits.ExternalId);
        article.Property(a => a.ContentHash).HasMaxLength(64);
        article.Property(a => a.Byline).HasMaxLength(ArticleLimits.Byline);
        article.Property(a => a.Credits).HasMaxLength(ArticleLimits.Credits);

        // Listing order is (PublishedAt, Id) both ways, and near-duplicates are hidden by default. The default
        // listing reads (DuplicateOfId, PublishedAt, Id): the filter and the order in one index, so neither a
        // page nor its count sorts or visits rows. Each filter column gets its own (column, PublishedAt, Id,
        // DuplicateOfId): a range scan in listing order whose count needs no row either.
        // (PublishedAt, Id) serves includeDuplicates=true. Search takes the few near-duplicates' ids from the
        // (DuplicateOfId, …) index, as the range DuplicateOfId > NULL.
        article.HasIndex(a => new { a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.DuplicateOfId, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.Source, a.PublishedAt, a.Id, a.DuplicateOfId });
        article.HasIndex(a => new { a.Place, a.PublishedAt, a.Id, a.DuplicateOfId });
        article.HasIndex(a => new { a.Lang, a.PublishedAt, a.Id, a.DuplicateOfId });
        article.HasIndex(a => a.ContentHash).IsUnique();
        article.HasIndex(a => a.ExternalId);

        article.HasOne<Article>().WithMany().HasForeignKey(a => a.DuplicateOfId).OnDelete(DeleteBehavior.SetNull);
        article.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> tag)
    {
        tag.ToTable("ArticleTags");
        tag.HasKey(t => new { t.ArticleId, t.Name });
        tag.Property(t => t.Name).HasMaxLength(ArticleLimits.Tag).IsCaseInsensitive();
        tag.HasIndex(t => new { t.Name, t.ArticleId });
    }
}
