namespace NewsWire.Core.Quotes;

internal enum SubjectKind
{
    /// <summary>"Smirnov", "Army General Sergey Smirnov": a name, possibly a surname met before with its first name.</summary>
    Name,

    /// <summary>"he", "she", "он", "она": the last named speaker (of that gender, when the article tells it).</summary>
    Pronoun,

    /// <summary>"the minister": the speaker introduced with that role.</summary>
    Role,

    /// <summary>"the ministry", "officials", "they": attributed, but to nobody the article names.</summary>
    Other,

    /// <summary>
    /// Not speech: a name opening a sentence ("Opposition leader Tom Lind disagreed."), so a "he said" after it finds
    /// him. A lone surname counts only for someone already known.
    /// </summary>
    Mention,
}

/// <summary>A speech verb with its subject, found in the words outside a paragraph's quotations.</summary>
/// <param name="First">Index of its first token (subject or verb) in the paragraph's tokens.</param>
/// <param name="Last">Index of its last token.</param>
/// <param name="Kind">What the subject is: a name, a pronoun, a role, or an unnamed source.</param>
/// <param name="Subject">The name (titles dropped), pronoun or role noun.</param>
/// <param name="Roles">Words that stood with the name ("director", "spokeswoman"), for later "the director said".</param>
/// <param name="Gender">What the words tell of the speaker's gender: pronoun, gendered title, Russian verb ending.</param>
internal sealed record Attribution(int First, int Last, SubjectKind Kind, string Subject, IReadOnlyList<string> Roles, Gender Gender)
{
    /// <summary>Who the subject turned out to be, set in article order by <see cref="SpeakerRegistry"/>.</summary>
    public string? Speaker { get; set; }
}
