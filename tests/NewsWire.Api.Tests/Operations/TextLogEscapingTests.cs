using System.Globalization;
using NewsWire.Api.Infrastructure;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace NewsWire.Api.Tests.Operations;

/// <summary>
/// What the text log's escaping does to each kind of value, rendered with the console's own template; the
/// running service's log is checked end to end in Resilience/TextLogTests.
/// </summary>
public sealed class TextLogEscapingTests
{
    private const string Forged = "\r\n[08:00:00 INF] HTTP DELETE /api/articles/1 responded 204";

    [Theory]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred\u001b[0m", "\\u001b[31mred\\u001b[0m")]
    [InlineData("tab\tbell\a", "tab\\tbell\\u0007")]
    [InlineData("nel\u0085 ls\u2028 ps\u2029", "nel\\u0085 ls\\u2028 ps\\u2029")]
    [InlineData("\u202Eevil", "\\u202eevil")]
    [InlineData("Zürich, Ташкент, 东京", "Zürich, Ташкент, 东京")]
    public void ControlCharactersBecomeEscapesAndTextStaysAsItIs(string value, string logged) =>
        Render(logger => logger.Information("Path {Path}", value)).Should().Be($"[INF] Path {logged}{Environment.NewLine}");

    [Fact]
    public void NoValueOfAnyShapeCanStartALine()
    {
        var text = Render(logger => logger.Information("{Text} {Char} {List} {@Structure} {Dictionary} {Other}",
            Forged, '\n', new[] { Forged }, new { Field = Forged }, new Dictionary<string, string> { [Forged] = Forged }, new Rendered(Forged)));

        text.Split(Environment.NewLine).Should().HaveCount(2).And.Subject.Last().Should().BeEmpty();
        text.Should().NotContain("\r").And.NotContain("\n[08");
    }

    [Fact]
    public void TextInTheTemplateItselfIsEscaped() =>
        Render(logger => logger.Information("Built from input: " + Forged + " {N}", 1)).Split(Environment.NewLine).Should().HaveCount(2);

    [Fact]
    public void AnExceptionKeepsItsLinesButNoneCanPassForAnEvent()
    {
        var exception = Thrown(new InvalidOperationException("boom" + Forged + "\n[08:00:01 ERR] also forged\u001b[2J"));

        var lines = Render(logger => logger.Error(exception, "Failed")).Split(Environment.NewLine);

        lines[0].Should().Be("[ERR] Failed");
        lines.Skip(1).Should().NotContain(l => l.StartsWith('['));
        lines.Should().Contain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), "the stack trace stays readable");
        string.Concat(lines).Should().NotContain("\u001b");
    }

    [Fact]
    public void AnEventWithNothingToEscapeIsPassedOnAsItIs()
    {
        var kept = new Collector();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(kept).CreateLogger())
        {
            logger.Information("Path {Path} in {Ms} ms", "/api/articles/1", 1.5);
        }

        EscapingLogSink.Escaped(kept.Events.Single()).Should().BeSameAs(kept.Events.Single());
    }

    private static string Render(Action<ILogger> log)
    {
        var kept = new Collector();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new EscapingLogSink(kept)).CreateLogger())
        {
            log(logger);
        }

        var formatter = new MessageTemplateTextFormatter("[{Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
        using var output = new StringWriter();
        foreach (var logEvent in kept.Events)
        {
            formatter.Format(logEvent, output);
        }

        return output.ToString();
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class Collector : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private sealed class Rendered(string text)
    {
        public override string ToString() => text;
    }
}
