namespace NewsWire.Core.WireCopy;

/// <summary>Either an article or the reasons the text is not one, keyed like validation errors.</summary>
public sealed record WireCopyResult(ParsedArticle? Article, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Article is not null;

    public static WireCopyResult Success(ParsedArticle article) =>
        new(article, new Dictionary<string, string[]>());

    public static WireCopyResult Failure(string key, string message) =>
        new(null, new Dictionary<string, string[]> { [key] = [message] });
}
