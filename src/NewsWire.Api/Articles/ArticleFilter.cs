namespace NewsWire.Api.Articles;

/// <summary>A listing filter that compares a text value; repeated values OR.</summary>
public enum ValueField
{
    Source,
    Tag,
    Place,
    Lang,
}

/// <summary>
/// The listing filters, parsed and checked: the one definition every consumer derives from (the EF query,
/// the search engine's SQL, the cache key of totals), as Miniflux's entry query builder serves every endpoint.
/// Repeated values OR, different filters AND; value filters compare without regard to case (the columns are
/// case-insensitive by the model's decision, <c>CaseInsensitiveText</c>). Near-duplicates are hidden unless
/// asked for.
/// </summary>
/// <remarks>
/// A consumer does not read the properties one by one: it takes <see cref="Values"/> (each value filter with
/// its field), the published-at range and <see cref="IncludeDuplicates"/>, and switches over
/// <see cref="ValueField"/> without a default arm, so a new filter is a field here and a compile error in each
/// consumer that has not learnt it yet.
/// </remarks>
public sealed record ArticleFilter(
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Langs,
    DateTime? From,
    DateTime? ToExclusive,
    bool IncludeDuplicates = false)
{
    /// <summary>Everything that matches: no filter at all, duplicates hidden.</summary>
    public static ArticleFilter None { get; } = new([], [], [], [], null, null);

    /// <summary>The value filters that are set, in a fixed order.</summary>
    public IEnumerable<(ValueField Field, IReadOnlyList<string> Values)> Values
    {
        get
        {
            foreach (var valueField in Enum.GetValues<ValueField>())
            {
                var values = ValuesOf(valueField);
                if (values.Count > 0)
                {
                    yield return (valueField, values);
                }
            }
        }
    }

    public IReadOnlyList<string> ValuesOf(ValueField field) => field switch
    {
        ValueField.Source => Sources,
        ValueField.Tag => Tags,
        ValueField.Place => Places,
        ValueField.Lang => Langs,
    };

    /// <summary>
    /// The filter as text, the same for every filter that matches the same articles the same way (values in the
    /// order given; an order that differs only costs a count): each value with its length in front, so that no
    /// value, whatever it holds, can read as two. Cache keys are built from it.
    /// </summary>
    public string Key()
    {
        var key = new System.Text.StringBuilder();
        foreach (var field in Enum.GetValues<ValueField>())
        {
            var values = ValuesOf(field);
            key.Append('/').Append(values.Count);
            foreach (var value in values)
            {
                key.Append(',').Append(value.Length).Append(':').Append(value);
            }
        }

        return key.Append('/').Append(From?.Ticks).Append('/').Append(ToExclusive?.Ticks)
            .Append('/').Append(IncludeDuplicates).ToString();
    }

    /// <summary>Whether a publication time is inside the range, as <see cref="ApplyTo"/> compares it: from inclusive, to exclusive.</summary>
    public bool Covers(DateTime publishedAt) => (From is not { } from || publishedAt >= from) && (ToExclusive is not { } to || publishedAt < to);

    /// <summary>The filter as an EF Core query over articles.</summary>
    public IQueryable<Article> ApplyTo(IQueryable<Article> articles)
    {
        if (!IncludeDuplicates)
        {
            articles = articles.Where(a => a.DuplicateOfId == null);
        }

        foreach (var (field, values) in Values)
        {
            articles = field switch
            {
                ValueField.Source => articles.Where(a => values.Contains(a.Source!)),
                ValueField.Tag => articles.Where(a => a.Tags.Any(t => values.Contains(t.Name))),
                ValueField.Place => articles.Where(a => values.Contains(a.Place!)),
                ValueField.Lang => articles.Where(a => values.Contains(a.Lang)),
            };
        }

        if (From is { } from)
        {
            articles = articles.Where(a => a.PublishedAt >= from);
        }

        if (ToExclusive is { } to)
        {
            articles = articles.Where(a => a.PublishedAt < to);
        }

        return articles;
    }
}
