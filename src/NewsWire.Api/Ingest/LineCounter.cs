namespace NewsWire.Api.Ingest;

/// <summary>
/// The line and character position in a document read one buffer at a time, counted only up to where it is
/// asked for, as XmlReader counts them: lines by '\n', characters as UTF-8 decodes them (continuation bytes
/// are not characters).
/// </summary>
internal sealed class LineCounter
{
    private int _line = 1, _column = 1, _counted;

    public TextPosition Position => new(_line, _column);

    /// <summary>A new buffer begins: the next <see cref="Count"/> starts at its first byte.</summary>
    public void Restart() => _counted = 0;

    /// <summary>Counts the current buffer's bytes up to <paramref name="i"/>.</summary>
    public void Count(ReadOnlySpan<byte> bytes, int i)
    {
        if (i <= _counted)
        {
            return;
        }

        var run = bytes[_counted..i];
        var newline = run.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            _line += run.Count((byte)'\n');
            _column = 1;
            run = run[(newline + 1)..];
        }

        foreach (var b in run)
        {
            _column += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        _counted = i;
    }
}
