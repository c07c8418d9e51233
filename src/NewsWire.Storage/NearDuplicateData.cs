using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>An article's MinHash signature (see <c>NearDuplicates</c>); its own table so candidates are
/// compared without reading article rows.</summary>
public sealed class ArticleSignature
{
    public long ArticleId { get; set; }
    public required byte[] MinHash { get; set; }
}

/// <summary>One locality-sensitive band key of an article: articles sharing a key are near-duplicate
/// candidates. The similarity index lives in the database so every instance sees the same one.</summary>
public sealed class ArticleBand
{
    public long Key { get; set; }
    public long ArticleId { get; set; }
}

internal sealed class ArticleSignatureConfiguration : IEntityTypeConfiguration<ArticleSignature>
{
    public void Configure(EntityTypeBuilder<ArticleSignature> signature)
    {
        signature.ToTable("ArticleSignatures");
        signature.HasKey(s => s.ArticleId);
        signature.HasOne<Article>().WithOne().HasForeignKey<ArticleSignature>(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleBandConfiguration : IEntityTypeConfiguration<ArticleBand>
{
    public void Configure(EntityTypeBuilder<ArticleBand> band)
    {
        band.ToTable("ArticleBands");
        band.HasKey(b => new { b.Key, b.ArticleId });
        band.HasIndex(b => b.ArticleId);
        band.HasOne<Article>().WithMany().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
