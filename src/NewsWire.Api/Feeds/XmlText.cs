using System.Text;
using System.Xml;

namespace NewsWire.Api.Feeds;

/// <summary>
/// Text as XML 1.0 can carry it. Stored text has no control characters when it comes in through the API,
/// but another process may have written the file, and an XML writer throws on the first character XML
/// forbids: a 500 for one bad byte in one headline. Such characters are dropped instead.
/// </summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        var index = FirstInvalid(text);
        if (index < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
