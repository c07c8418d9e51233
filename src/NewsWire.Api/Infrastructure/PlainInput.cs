using NewsWire.Core.Text;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// The one check of a client's text for what no stored text holds (<see cref="PlainText.HasControlCharacters"/>:
/// control characters other than tab and line breaks, and the U+FFFD that bytes which were not UTF-8 leave).
/// Article fields, listing filters and a subscription's search all ask it, so such a value is a 400 naming its
/// field everywhere: unchecked, PostgreSQL refuses NUL in text and XML cannot carry it, a 500 on one provider
/// or in one feed format.
/// </summary>
public static class PlainInput
{
    /// <summary>Whether <paramref name="value"/> is plain text; when not, says so under <paramref name="name"/>.</summary>
    public static bool IsPlain(string value, string name, IDictionary<string, string[]> errors)
    {
        if (!PlainText.HasControlCharacters(value))
        {
            return true;
        }

        errors[name] = [$"The {name} contains control characters or invalid UTF-8."];
        return false;
    }
}
