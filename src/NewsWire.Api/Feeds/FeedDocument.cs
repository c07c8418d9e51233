using NewsWire.Api.Articles;

namespace NewsWire.Api.Feeds;

/// <summary>Everything a feed says, format apart: what each writer (Atom, RSS, JSON Feed) renders.</summary>
public sealed record FeedDocument(FeedRequest Request, FeedPage Page, FeedLinks Links)
{
    public string Title => Request.Title;

    public string Description => Request.Title == "NewsWire: newest articles"
        ? "The newest articles in the NewsWire archive of wire news."
        : $"The newest articles in the NewsWire archive for {Request.Title["NewsWire: ".Length..]}.";

    /// <summary>
    /// The newest change among the entries; a feed with none takes the Unix epoch, a fixed instant, so that
    /// the same content always renders the same bytes (and the same ETag) on every instance.
    /// </summary>
    public DateTimeOffset Updated => Page.Entries.Count == 0
        ? DateTimeOffset.UnixEpoch
        : new DateTimeOffset(Page.Entries.Max(e => e.UpdatedAt), TimeSpan.Zero);

    /// <summary>The feed's language when the filter asks for exactly one, and it is a language tag: the filter takes
    /// any text (it then matches nothing), and XML cannot carry every character in xml:lang.</summary>
    public string? Language => Request.Filter.Langs is [var lang] && ArticleDrafts.IsLanguageTag(lang) ? lang : null;
}
