namespace NewsWire.Storage;

/// <summary>A stored wire story. The wire shapes (<c>ArticleSummary</c>, <c>ArticleDetail</c>) are built from it.</summary>
public sealed class Article
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public string? Source { get; set; }
    public required string Headline { get; set; }
    public string? Lead { get; set; }
    public string? Place { get; set; }
    public string? Dateline { get; set; }
    public string? Section { get; set; }

    public DateTime PublishedAt { get; set; }
    public required string Lang { get; set; }
    public string? Url { get; set; }
    public string? ExternalId { get; set; }
    public int WordCount { get; set; }

    /// <summary>SHA-256 of the source and the normalized headline and body: equal hashes are exact duplicates.</summary>
    public required string ContentHash { get; set; }

    public long? DuplicateOfId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Where the sub-headings stand between the body's paragraphs, as JSON
    /// (<c>[{"heading":null,"paragraphs":3},…]</c>). Storing only the layout keeps each body stored once.
    /// </summary>
    public required string SectionLayout { get; set; }

    /// <summary>
    /// Paragraphs separated by a blank line; sub-headings are not in it (see <see cref="SectionLayout"/>).
    /// Declared last so it is the last column: SQLite then reads the short columns of a row without
    /// walking the body's overflow pages, which keeps listings and search hits from reading bodies.
    /// </summary>
    public required string Body { get; set; }

    /// <summary>The byline as written ("By Jane Doe"). Added after Body by a later migration.</summary>
    public string? Byline { get; set; }

    /// <summary>Trailing credit lines ("(Reporting by …; Editing by …)"), one per line.</summary>
    public string? Credits { get; set; }

    public List<ArticleTag> Tags { get; set; } = [];
}

/// <summary>A tag on an article; its own table so that tag filters and counts run on an index.</summary>
public sealed class ArticleTag
{
    public long ArticleId { get; set; }
    public required string Name { get; set; }
}
