using System.Text;

namespace Okr.Application.Common;

/// <summary>Opaque cursors naming the last item seen by its id, under a prefix per list: clients pass them back, never build them.</summary>
public static class IdCursor
{
    public static string Encode(string prefix, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + id.ToString("N")));

    public static Guid? Decode(string prefix, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length)) return null;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        return text.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(text[prefix.Length..], "N", out var id) ? id : null;
    }
}
