using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;

namespace NewsWire.Api.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console: readable lines by default, one JSON object per event with
    /// <c>NewsWire:LogFormat=json</c> for log shippers. The console is written from a background queue,
    /// so a slow terminal never holds up a request, and the escaping of the text lines
    /// (<see cref="EscapingLogSink"/>) happens there too. Levels come from the <c>Serilog</c> configuration section.
    /// </summary>
    public static TBuilder AddNewsWireLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // The logger is built before the service provider, so the format is read here; it is checked at start like every setting.
        var json = (builder.Configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new LogOptions()).Json;
        builder.Services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section)
            .Validate(o => o.IsValid, "NewsWire:LogFormat must be text or json.").ValidateOnStart();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            logger.WriteTo.Async(sink =>
            {
                if (json)
                {
                    sink.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    // A text line ends at a line break, so what a client sent is escaped before it is written.
                    sink.Sink(LoggerSinkConfiguration.Wrap(console => new EscapingLogSink(console),
                        escaped => escaped.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)));
                }
            });
        });
        return builder;
    }
}
