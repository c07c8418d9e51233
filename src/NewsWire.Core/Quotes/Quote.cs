namespace NewsWire.Core.Quotes;

/// <summary>One quotation in an article: who said it, what was said, and in which body paragraph.</summary>
/// <param name="Speaker">
/// The speaker's name as the article introduced it, without titles or ranks ("Sergey Smirnov", not "Army General
/// Sergey Smirnov"); null when the article does not say who spoke.
/// </param>
/// <param name="Text">
/// The words between the quotation marks, trimmed. Quotation marks nested inside are kept as written; the comma
/// the wire puts inside the closing mark before an attribution ("…hard to say," Smirnov added) is dropped,
/// because it punctuates the attribution, not the speech.
/// </param>
/// <param name="Paragraph">The body paragraph the quotation stands in, counted from 1 (the dateline paragraph is 1).</param>
public sealed record Quote(string? Speaker, string Text, int Paragraph);
