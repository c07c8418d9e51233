namespace NewsWire.Api.Ingest;

/// <summary>What a bulk import did.</summary>
public sealed record ImportReport
{
    /// <summary>New articles stored, near-duplicates included.</summary>
    /// <example>1250</example>
    public int Created { get; set; }
    /// <summary>Exact duplicates of stored articles, not stored again.</summary>
    /// <example>12</example>
    public int Duplicates { get; set; }
    /// <summary>Items that could not be stored, with their line (NDJSON) or entry (Atom, RSS) number; at most
    /// the first 1,000 are listed.</summary>
    public List<ImportFailure> Failed { get; init; } = [];
    /// <summary>How many items failed in all, listed or not.</summary>
    /// <example>1</example>
    public int FailedCount { get; set; }

    public const int MaxListedFailures = 1_000;

    public void Fail(int line, IDictionary<string, string[]> errors)
    {
        FailedCount++;
        if (Failed.Count < MaxListedFailures)
        {
            Failed.Add(new ImportFailure { Line = line, Errors = errors });
        }
    }
}

/// <summary>An item that was not stored, and why.</summary>
public sealed record ImportFailure
{
    /// <summary>1-based line (NDJSON) or entry (Atom, RSS).</summary>
    /// <example>42</example>
    public required int Line { get; init; }
    /// <example>{"headline": ["The headline is required."]}</example>
    public required IDictionary<string, string[]> Errors { get; init; }
}

/// <summary>One item read from an import: a draft ready to store, or the reasons it is not one.</summary>
public sealed record ImportItem(int Line, ArticleDraft? Draft, IDictionary<string, string[]>? Errors);
