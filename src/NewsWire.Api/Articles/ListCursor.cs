using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsWire.Api.Articles;

/// <summary>
/// The keyset position after the last article of a page: its publication time and id, and the order it
/// was issued for. Opaque to clients (base64url), so its form can change without breaking them.
/// </summary>
public sealed record ListCursor(ListOrder Order, DateTime PublishedAt, long Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(Order == ListOrder.Newest ? 'n' : 'o')}.{PublishedAt.Ticks}.{Id}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static bool TryDecode(string value, out ListCursor? cursor)
    {
        cursor = null;
        if (value.Length is 0 or > 100 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
        if (parts.Length != 3 || parts[0] is not ("n" or "o")
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new ListCursor(parts[0] == "n" ? ListOrder.Newest : ListOrder.Oldest, new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

public enum ListOrder
{
    Newest,
    Oldest,
}
