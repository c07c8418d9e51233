using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

/// <summary>The version of an article a write would change: what its ETags are made of.</summary>
public sealed record ArticleVersion(long Id, DateTime UpdatedAt);

/// <summary>
/// <c>If-Match</c> and <c>If-None-Match</c> on a PUT or DELETE of an article (RFC 9110, sections 13.1.1, 13.1.2 and
/// 13.2.2), evaluated by <see cref="ArticleStore"/> inside the write transaction against the version the write
/// would change, so no other write can come between the check and the write (ADR 33).
/// </summary>
public sealed class WritePreconditions
{
    public const string IfMatchHeader = "If-Match";
    public const string IfNoneMatchHeader = "If-None-Match";

    private readonly IList<EntityTagHeaderValue>? _ifMatch;
    private readonly IList<EntityTagHeaderValue>? _ifNoneMatch;

    private WritePreconditions(IList<EntityTagHeaderValue>? ifMatch, IList<EntityTagHeaderValue>? ifNoneMatch)
    {
        _ifMatch = ifMatch;
        _ifNoneMatch = ifNoneMatch;
    }

    /// <summary>The request's preconditions, or a 400 problem naming a header that is neither <c>*</c> nor a list of
    /// quoted entity tags: ignoring it would write what the client asked to write only under a condition.</summary>
    public static (WritePreconditions? Preconditions, ValidationProblem? Problem) Parse(string? ifMatch, string? ifNoneMatch)
    {
        if (!TryParse(ifMatch, out var match))
        {
            return (null, Invalid(IfMatchHeader));
        }

        return TryParse(ifNoneMatch, out var noneMatch) ? (new WritePreconditions(match, noneMatch), null) : (null, Invalid(IfNoneMatchHeader));
    }

    /// <summary>Why the preconditions fail for the article <paramref name="id"/> names (null: there is none), or
    /// null when they hold or there are none.</summary>
    public string? Failure(string id, ArticleVersion? current)
    {
        if (_ifMatch is not null && current is null)
        {
            return $"There is no article with id or slug '{ArticleDrafts.Truncated(id)}', so If-Match matches nothing.";
        }

        if (current is null)
        {
            return null;
        }

        var tags = ArticleETags.All(current.Id, current.UpdatedAt);
        // Strong comparison (section 13.1.1): a weak tag never matches, whatever it names.
        if (_ifMatch is not null && !ArticleETags.AnyMatches(_ifMatch, tags, strong: true))
        {
            return $"If-Match names no current version of article {current.Id}: its ETag is {tags[0]} (JSON) or {tags[1]} (text). " +
                "A weak tag (W/\"...\", given to compressed answers) never matches: take the ETag of an answer without Content-Encoding.";
        }

        // Weak comparison (section 13.1.2): any match, or "*" on an existing article, fails the write.
        return _ifNoneMatch is not null && ArticleETags.AnyMatches(_ifNoneMatch, tags, strong: false)
            ? $"Article {current.Id} exists and If-None-Match is * or names its current version."
            : null;
    }

    private static bool TryParse(string? value, out IList<EntityTagHeaderValue>? tags)
    {
        tags = null;
        return value is null || (EntityTagHeaderValue.TryParseStrictList([value], out tags) && tags.Count > 0);
    }

    private static ValidationProblem Invalid(string header) =>
        Problems.Validation(header, $"{header} must be * or a comma-separated list of quoted entity tags, as ETag gives them (\"...\").");
}
