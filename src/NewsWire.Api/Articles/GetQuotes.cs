using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;
using NewsWire.Core.Quotes;

namespace NewsWire.Api.Articles;

/// <summary>A quotation in an article and who said it.</summary>
public sealed record ArticleQuote
{
    /// <summary>The speaker, as first named in full; null when the article does not say.</summary>
    /// <example>Sergey Smirnov</example>
    public string? Speaker { get; init; }
    /// <example>this is a problem because refugees are used by IS to send their own people there.</example>
    public required string Text { get; init; }
    /// <summary>Body paragraph, counted from 1 (the dateline paragraph is 1).</summary>
    /// <example>2</example>
    public required int Paragraph { get; init; }
}

public static class GetQuotes
{
    public static async Task<Results<Ok<List<ArticleQuote>>, ProblemHttpResult>> GetArticleQuotes(
        string id, NewsWireDb db, CancellationToken cancellationToken)
    {
        // Quotes are found on the fly: the body is short, the extraction fast, and nothing goes stale on PUT.
        var body = await db.Articles.AsNoTracking().WhereIdOrSlug(id).Select(a => a.Body).FirstOrDefaultAsync(cancellationToken);
        if (body is null)
        {
            return Problems.NotFound("article", id);
        }

        var paragraphs = body.Length == 0 ? [] : body.Split("\n\n");
        return TypedResults.Ok(QuoteExtractor.Extract(paragraphs)
            .Select(q => new ArticleQuote { Speaker = q.Speaker, Text = q.Text, Paragraph = q.Paragraph })
            .ToList());
    }
}
