using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Makes every event safe for a line-per-event text log. Control characters in property values and in the
/// template's text are written as escapes (<c>\r</c>, <c>\n</c>, <c>\u001b</c>), so a value a client sent (a
/// path with <c>%0D%0A</c>, an ANSI colour sequence) can neither start a forged line nor drive a terminal.
/// An exception keeps its own line breaks, but each line it adds is indented, so none can pass for an
/// event. The JSON log needs none of this: its formatter escapes by construction.
/// </summary>
internal sealed class EscapingLogSink(ILogEventSink inner) : ILogEventSink
{
    public void Emit(LogEvent logEvent) => inner.Emit(Escaped(logEvent));

    /// <summary>The event itself when nothing in it needs escaping, which is nearly always.</summary>
    internal static LogEvent Escaped(LogEvent logEvent)
    {
        var template = Escaped(logEvent.MessageTemplate);
        var exception = Escaped(logEvent.Exception);
        var changed = template != logEvent.MessageTemplate || exception != logEvent.Exception;
        var properties = new List<LogEventProperty>(logEvent.Properties.Count);
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escaped(value);
            changed |= escaped != value;
            properties.Add(new LogEventProperty(name, escaped));
        }

        return changed
            ? new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default)
            : logEvent;
    }

    private static MessageTemplate Escaped(MessageTemplate template)
    {
        if (!template.Tokens.Any(t => t is TextToken text && VisibleText.NeedsEscape(text.Text)))
        {
            return template;
        }

        return new MessageTemplate(template.Tokens.Select(t => t is TextToken text ? new TextToken(VisibleText.Escape(text.Text)) : t));
    }

    private static LogEventPropertyValue Escaped(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                return VisibleText.NeedsEscape(text) ? new ScalarValue(VisibleText.Escape(text)) : value;
            case ScalarValue { Value: null or bool or IFormattable and not char }:
                return value; // numbers, times, ids, enums: nothing a client can put a control character in
            case ScalarValue scalar:
                // Rendered with ToString() (a char, a Uri, a PathString): escaped as that string.
                var rendered = scalar.Value.ToString() ?? "";
                return VisibleText.NeedsEscape(rendered) ? new ScalarValue(VisibleText.Escape(rendered)) : value;
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escaped).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var fields = structure.Properties.Select(p => new LogEventProperty(p.Name, Escaped(p.Value))).ToList();
                return fields.Select(f => f.Value).SequenceEqual(structure.Properties.Select(p => p.Value))
                    ? value
                    : new StructureValue(fields, structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => KeyValuePair.Create((ScalarValue)Escaped(e.Key), Escaped(e.Value))).ToList();
                return entries.Zip(dictionary.Elements).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value)
                    ? value
                    : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    private static Exception? Escaped(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var lines = text.Replace(Environment.NewLine, "\n", StringComparison.Ordinal).Split('\n');
        var escaped = string.Join(Environment.NewLine, lines.Select((line, i) =>
            i == 0 || line.Length == 0 || char.IsWhiteSpace(line[0]) ? VisibleText.Escape(line) : "  " + VisibleText.Escape(line)));
        return escaped == text ? exception : new EscapedException(escaped);
    }

    /// <summary>Stands in for an exception whose text needed escaping; the text formatter renders ToString().</summary>
    private sealed class EscapedException(string text) : Exception
    {
        public override string ToString() => text;
    }
}
