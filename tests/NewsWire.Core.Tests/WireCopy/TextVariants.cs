using System.Text;

namespace NewsWire.Core.Tests.WireCopy;

/// <summary>The same copy as senders mangle it: other line endings, stray spaces, wrapped lines.</summary>
public static class TextVariants
{
    /// <summary>Wraps every line longer than <paramref name="width"/> at spaces, as e-mail and terminals do.</summary>
    public static string Wrap(string text, int width)
    {
        var result = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var column = 0;
            foreach (var word in line.Split(' '))
            {
                if (column > 0 && column + 1 + word.Length > width)
                {
                    result.Append('\n');
                    column = 0;
                }
                else if (column > 0)
                {
                    result.Append(' ');
                    column++;
                }

                result.Append(word);
                column += word.Length;
            }

            result.Append('\n');
        }

        return result.ToString();
    }

    /// <summary>Puts <paramref name="before"/> and <paramref name="after"/> around every line.</summary>
    public static string Pad(string text, string before, string after) =>
        string.Join('\n', text.Split('\n').Select(line => before + line + after));

    /// <summary>Removes one block (and the blank line after it) from the copy.</summary>
    public static string WithoutBlock(string text, string block) =>
        text.Replace(block + "\n\n", "", StringComparison.Ordinal);
}
