using FluentValidation;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Common;

/// <summary>Dates of things that happened (KPI values, annotations): see docs/decisions/0009.</summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>
    /// Not in the future: at most tomorrow in UTC, the one day of slack a caller ahead of UTC needs for "today";
    /// and not before 1900.
    /// </summary>
    public static IRuleBuilderOptions<T, DateOnly> HasHappened<T>(this IRuleBuilder<T, DateOnly> rule, IClock clock) =>
        rule.Must(day => day >= Earliest && day <= clock.Today.AddDays(1))
            .WithMessage("The date must not be in the future (nor before 1900): record what has happened.");
}
