using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Okr.Api.Input;

/// <summary>
/// What text the API accepts, in one place for both doors (REST's JSON reader and GraphQL's String scalar): no control
/// characters but tab, line feed and carriage return (NUL, escape sequences and their kin corrupt logs and terminals and
/// PostgreSQL refuses NUL outright); text made only of invisible characters (zero-width spaces, joiners, byte order marks)
/// reads as empty, so a required field refuses it as it refuses a blank one. See docs/decisions/0017.
/// </summary>
public static class InputText
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string text)
    {
        foreach (var c in text)
            if (IsRefused(c))
                return $"Control characters are not accepted (found U+{(int)c:X4}); only tab, line feed and carriage return are.";
        return null;
    }

    private static bool IsRefused(char c) => c is not ('\t' or '\n' or '\r') && char.IsControl(c);

    /// <summary>The text as the application sees it: empty when every character is invisible or white space.</summary>
    public static string Normalize(string text)
    {
        if (text.Length == 0)
            return text;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                return text;
        return text.Any(c => !char.IsWhiteSpace(c)) ? string.Empty : text;
    }

    /// <summary>Refuses what <see cref="Problem"/> names, and normalizes the rest.</summary>
    public static string Accept(string text) =>
        Problem(text) is { } problem ? throw new InvalidTextException(problem) : Normalize(text);
}

/// <summary>Text the API refuses; REST reports it against the field, GraphQL against the argument.</summary>
public sealed class InvalidTextException(string message) : JsonException(message);

/// <summary>Every JSON string the API reads goes through <see cref="InputText"/>.</summary>
public sealed class InputTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? InputText.Accept(reader.GetString()!)
            : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>The reader's rules for request bodies: strict types, no duplicate keys, no null where the contract has none.</summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict; // "12" is not a number
        options.AllowDuplicateProperties = false; // {"title":"a","title":"b"} is ambiguous
        options.RespectNullableAnnotations = true; // null for a list or a required text names the field instead of failing later
        options.Converters.Add(new InputTextJsonConverter());
    }
}
