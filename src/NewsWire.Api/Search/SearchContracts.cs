using System.Text.Json.Serialization;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Search;

/// <summary>The answer to a search.</summary>
public sealed record SearchResults
{
    /// <summary>The query as received.</summary>
    /// <example>refugees -Assad</example>
    public required string Query { get; init; }
    /// <summary>How many articles match, over all pages.</summary>
    /// <example>1</example>
    public required int Total { get; init; }
    public required IReadOnlyList<SearchHit> Items { get; init; }
    /// <summary>Counts over the whole match set, most frequent first; present only when asked for with <c>facets</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets { get; init; }
}

/// <summary>An article that matches, with its score and the matched words marked.</summary>
public sealed record SearchHit : ArticleSummary
{
    /// <summary>Relevance (BM25, headline weighted above lead above body); higher is better.</summary>
    /// <example>12.7</example>
    [JsonPropertyOrder(100)]
    public required double Score { get; init; }
    [JsonPropertyOrder(101)]
    public required SearchHighlights Highlights { get; init; }
}

/// <summary>HTML fragments: matched words in &lt;mark&gt;, everything else escaped.</summary>
public sealed record SearchHighlights
{
    /// <example>Russian Security Service: &lt;mark&gt;Refugee&lt;/mark&gt; crisis used by Islamic State to send people to Europe</example>
    public required string Headline { get; init; }
    /// <example>… takes advantage of the situation with &lt;mark&gt;refugees&lt;/mark&gt; by sending its own people to Europe …</example>
    public required string Snippet { get; init; }
}

/// <summary>One value of a facet and how many matching articles have it.</summary>
public sealed record FacetValue
{
    /// <example>TASS</example>
    public required string Value { get; init; }
    /// <example>12</example>
    public required int Count { get; init; }
}
