namespace NewsWire.Storage;

/// <summary>Field lengths, shared by the schema and by input validation so the two never disagree.</summary>
public static class ArticleLimits
{
    public const int Slug = 120;
    public const int Source = 100;
    public const int Headline = 500;
    public const int Lead = 2_000;
    public const int Place = 200;
    public const int Dateline = 300;
    public const int Section = 200;
    public const int Lang = 35;
    public const int Url = 2_048;
    public const int ExternalId = 200;
    public const int Tag = 64;
    public const int Byline = 300;
    public const int Credits = 2_000;
    public const int TagsPerArticle = 50;

    /// <summary>Request bodies of the single-article writes, in bytes.</summary>
    public const int RequestBytes = 2 * 1024 * 1024;
}
