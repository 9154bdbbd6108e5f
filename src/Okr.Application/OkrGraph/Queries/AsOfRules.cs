using FluentValidation;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.OkrGraph.Queries;

public static class AsOfRules
{
    /// <summary>History can be asked about, the future cannot: an <c>asOf</c> after now is a validation error.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> NotInTheFuture<T>(this IRuleBuilder<T, DateTimeOffset?> rule, IClock clock) =>
        rule.Must(asOf => asOf is null || asOf.Value <= clock.UtcNow)
            .WithMessage("asOf cannot be in the future: it asks how things stood at a past instant.");
}
