using FluentValidation;
using FluentValidation.Results;

namespace Okr.Application.Common;

/// <summary>A field error found by a handler (an id that names nothing visible, say): a 400 naming the field.</summary>
public static class Invalid
{
    public static ValidationException Field(string field, string message) => new([new ValidationFailure(field, message)]);
}
