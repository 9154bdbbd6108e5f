using System.Globalization;
using System.Text;

namespace Okr.Application.Common;

/// <summary>
/// An opaque cursor of a list ordered newest first by an instant, then id: "&lt;prefix&gt;&lt;ticks&gt;:&lt;id&gt;" in base64. The
/// prefix tells one list's cursors from another's.
/// </summary>
public static class TimeCursor
{
    public static string Encode(string prefix, DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id:N}"));

    public static (DateTimeOffset At, Guid Id)? Decode(string prefix, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length)) return null;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var parts = text[prefix.Length..].Split(':');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
