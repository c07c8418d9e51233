using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsWire.Api.Ingest;

/// <summary>
/// The elements open around <see cref="FeedScanner"/> outside entries: the root (Atom feed, RSS rss), the RSS
/// channel, and any other element by name only. It says which child is an entry or a feed value, and writes
/// the prefix and suffix that turn an entry into a standalone document with the namespaces, xml:lang and
/// xml:base it has in the feed (the start tags of the root and channel, as written).
/// </summary>
internal sealed partial class FeedOutline
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Feeds nest a few levels outside their entries; this bounds what is remembered.</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] Utf8Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8.ToArray();

    private readonly List<(string Name, Role Role)> _open = [];
    private readonly List<Ancestor> _ancestors = [];
    private byte[] _declaration = [];
    private int _prefixLines;

    public enum Role { Root, Channel, Entry, Title, Language, Other }

    public FeedFormat Format { get; private set; }

    /// <summary>The root element has opened.</summary>
    public bool Started { get; private set; }

    /// <summary>The root element has closed: the document is complete.</summary>
    public bool Ended { get; private set; }

    public int Depth => _open.Count;

    /// <summary>How deep an entry sits in the standalone document <see cref="WritePrefix"/> begins.</summary>
    public int EntryDepth => _ancestors.Count;

    /// <summary>The line of the standalone document on which the entry begins.</summary>
    public int EntryLine => _prefixLines + 1;

    /// <returns>null, or why the document cannot be read.</returns>
    public string? Declare(ReadOnlySpan<byte> declaration, bool transcoded)
    {
        // A UTF-16 upload reaches the scanner as UTF-8, so its own declaration would mislabel the entries.
        _declaration = transcoded ? Utf8Declaration : declaration.ToArray();
        var label = EncodingLabel().Match(Encoding.ASCII.GetString(_declaration));
        if (!label.Success)
        {
            return null;
        }

        try
        {
            // Bytes the scanner could read are ASCII-compatible whatever the label says: a feed labelled UTF-16
            // without being UTF-16 is read as UTF-8, as XmlReader would otherwise fail every entry.
            if (Encoding.GetEncoding(label.Groups[1].Value).GetByteCount("<") != 1)
            {
                _declaration = Utf8Declaration;
            }

            return null;
        }
        catch (ArgumentException)
        {
            return $"the feed is in the encoding '{label.Groups[1].Value}', which NewsWire cannot read (send UTF-8)";
        }
    }

    public Role Classify(string name)
    {
        if (_open.Count == 0)
        {
            return Role.Root;
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var local = colon < 0 ? name : name[(colon + 1)..];
        var ns = Namespace(colon < 0 ? "" : name[..colon]);
        return (Format, _open[^1].Role, ns) switch
        {
            (FeedFormat.Atom, Role.Root, AtomNamespace) => local switch { "entry" => Role.Entry, "title" => Role.Title, _ => Role.Other },
            (FeedFormat.Rss, Role.Root, "") when local == "channel" => Role.Channel,
            (FeedFormat.Rss, Role.Channel, "") => local switch { "item" => Role.Entry, "title" => Role.Title, "language" => Role.Language, _ => Role.Other },
            (FeedFormat.Rss, Role.Channel, DublinCoreNamespace) when local == "language" => Role.Language,
            _ => Role.Other,
        };
    }

    /// <summary>Opens an element that is not an entry or a feed value; <paramref name="tag"/> is its start tag.</summary>
    /// <returns>null, or why the document cannot be read past it.</returns>
    public string? Open(string name, Role role, ReadOnlySpan<byte> tag)
    {
        if (_open.Count == MaxDepth)
        {
            return $"elements are nested deeper than {MaxDepth} levels";
        }

        if (role is Role.Root or Role.Channel)
        {
            var problem = AddAncestor(name, tag);
            if (problem is not null)
            {
                return problem;
            }
        }

        _open.Add((name, role));
        Started = true;
        return null;
    }

    /// <returns>false when <paramref name="name"/> is not the element open last.</returns>
    public bool Close(string name)
    {
        if (_open.Count == 0 || _open[^1].Name != name)
        {
            return false;
        }

        if (_open[^1].Role is Role.Root or Role.Channel)
        {
            _ancestors.RemoveAt(_ancestors.Count - 1);
            _prefixLines = CountLines();
        }

        _open.RemoveAt(_open.Count - 1);
        Ended = _open.Count == 0;
        return true;
    }

    /// <summary>The root closed as soon as it opened (<c>&lt;rss/&gt;</c>): a feed with nothing in it.</summary>
    public void EndEmpty() => Started = Ended = true;

    /// <summary>The element open last, for a message about an end tag that does not match it.</summary>
    public string? Innermost => _open.Count == 0 ? null : _open[^1].Name;

    public void WritePrefix(IBufferWriter<byte> output)
    {
        output.Write(_declaration);
        foreach (var ancestor in _ancestors)
        {
            output.Write(ancestor.Tag);
        }

        output.Write("\n"u8);
    }

    public void WriteSuffix(IBufferWriter<byte> output)
    {
        for (var i = _ancestors.Count - 1; i >= 0; i--)
        {
            output.Write("</"u8);
            output.Write(Encoding.UTF8.GetBytes(_ancestors[i].Name));
            output.Write(">"u8);
        }
    }

    /// <summary>Reads the new ancestor with a real XmlReader, in its place under the others: a malformed root or
    /// channel tag stops the import here rather than failing every entry, and its namespaces classify its children.</summary>
    private string? AddAncestor(string name, ReadOnlySpan<byte> tag)
    {
        _ancestors.Add(new Ancestor(name, tag.ToArray(), new Dictionary<string, string>()));
        var document = new ArrayBufferWriter<byte>();
        WritePrefix(document);
        WriteSuffix(document);
        string? problem;
        try
        {
            using var reader = FeedXml.Open(document.WrittenMemory);
            FeedXml.MoveTo(reader, _ancestors.Count - 1);
            _ancestors[^1] = _ancestors[^1] with { Namespaces = ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.All) };
            if (_ancestors.Count == 1)
            {
                Format = (reader.LocalName, reader.NamespaceURI) switch
                {
                    ("feed", AtomNamespace) => FeedFormat.Atom,
                    ("rss", "") => FeedFormat.Rss,
                    _ => FeedFormat.Unknown,
                };
            }

            while (reader.Read())
            {
            }

            problem = Format == FeedFormat.Unknown ? $"the document is neither an Atom feed nor an RSS channel: its root element is <{name}>" : null;
        }
        catch (XmlException)
        {
            problem = $"the <{name}> start tag is not well-formed XML";
        }

        if (problem is not null)
        {
            _ancestors.RemoveAt(_ancestors.Count - 1);
            return problem;
        }

        _prefixLines = CountLines();
        return null;
    }

    private string Namespace(string prefix) =>
        _ancestors.Count > 0 && _ancestors[^1].Namespaces.TryGetValue(prefix, out var ns) ? ns
        : prefix.Length == 0 ? "" : "(undeclared)";

    private int CountLines() => _declaration.AsSpan().Count((byte)'\n') + _ancestors.Sum(a => a.Tag.AsSpan().Count((byte)'\n')) + 1;

    [GeneratedRegex("""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")]
    private static partial Regex EncodingLabel();

    private sealed record Ancestor(string Name, byte[] Tag, IDictionary<string, string> Namespaces);
}
