using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>Resolves the <c>{id}</c> of every article route: a numeric id or a slug (slugs always hold a letter).</summary>
public static class ArticleLookup
{
    public static IQueryable<Article> WhereIdOrSlug(this IQueryable<Article> articles, string idOrSlug) =>
        long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? articles.Where(a => a.Id == id)
            : articles.Where(a => a.Slug == idOrSlug);

    public static Task<Article?> FindAsync(this NewsWireDb db, string idOrSlug, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Tags).WhereIdOrSlug(idOrSlug).FirstOrDefaultAsync(cancellationToken);
}
