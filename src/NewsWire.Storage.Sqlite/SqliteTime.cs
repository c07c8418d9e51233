using System.Globalization;

namespace NewsWire.Storage.Sqlite;

/// <summary>
/// EF Core's SQLite text form of a DateTime. Hand-written SQL must bind times in exactly this form, so that
/// comparing the text in SQL compares the instants (the form sorts as it reads).
/// </summary>
public static class SqliteTime
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
