using System.Globalization;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// <c>NewsWire-Change</c>: the change-log position a write reached (shared/api.md, ADR 20). A client that sends
/// it back later, or reads from any instance, gets answers that reflect the write.
/// </summary>
public static class ChangeHeader
{
    public const string Name = "NewsWire-Change";

    public static void Set(HttpResponse response, long position) =>
        response.Headers[Name] = position.ToString(CultureInfo.InvariantCulture);
}
