namespace NewsWire.Core.Search;

/// <summary>
/// The article fields a term can be scoped to (<c>headline:word</c>). The names are the FTS5 column
/// names, so a renderer can write them as they are; anything else before a colon is not a scope.
/// </summary>
public enum SearchColumn
{
    Headline,
    Lead,
    Body,
    Place,
}

public static class SearchColumns
{
    /// <summary>The lower-case name users type and FTS5 knows the column by.</summary>
    public static string Name(this SearchColumn column) => column switch
    {
        SearchColumn.Headline => "headline",
        SearchColumn.Lead => "lead",
        SearchColumn.Body => "body",
        SearchColumn.Place => "place",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a search column."),
    };

    public static IReadOnlyList<SearchColumn> All { get; } = Enum.GetValues<SearchColumn>();
}
