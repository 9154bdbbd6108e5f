namespace Okr.Domain.Common;

/// <summary>
/// A business rule refused the change. <see cref="Code"/> is stable (clients switch on it);
/// the message is for people.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Argument checks that turn bad input into rule violations with a clear message.</summary>
public static class Guard
{
    public static string Text(string? value, string field, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (required && trimmed.Length == 0)
            throw new DomainRuleException("validation.required", $"{field} is required.");
        if (trimmed.Length > maxLength)
            throw new DomainRuleException("validation.too_long", $"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var text = Text(value, field, maxLength, required: false);
        return text.Length == 0 ? null : text;
    }

    public static void NotEmpty(Guid id, string field)
    {
        if (id == Guid.Empty)
            throw new DomainRuleException("validation.required", $"{field} is required.");
    }

    public static decimal NonNegative(decimal value, string field)
    {
        if (value < 0)
            throw new DomainRuleException("validation.out_of_range", $"{field} must not be negative.");
        return value;
    }

    public static double Ratio(double value, string field)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new DomainRuleException("validation.out_of_range", $"{field} must be between 0 and 1.");
        return value;
    }
}
