using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Common;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Application.Objectives.Grading;
using Okr.Domain.Audit;
using Okr.Domain.Common;

namespace Okr.Application.KeyResults.Commands.OverrideKeyResultGrade;

/// <summary>Sets a closed key result's grade by hand, with the reason (null grade: back to the measured one). The objective is regraded.</summary>
[AuditedAs(AuditKind.KeyResultGradeOverride)]
public sealed record OverrideKeyResultGrade : ICommand<KeyResultDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public double? Grade { get; init; }
    public string? Reason { get; init; }
}

public sealed class OverrideKeyResultGradeValidator : AbstractValidator<OverrideKeyResultGrade>
{
    public OverrideKeyResultGradeValidator()
    {
        RuleFor(c => c.Grade).InclusiveBetween(0, 1).When(c => c.Grade is not null);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Grade is not null).WithMessage("Say why the grade is overridden.")
            .MaximumLength(TextLimits.LongText);
    }
}

public sealed class OverrideKeyResultGradeHandler(IOkrDbContext db, AccessPolicyProvider access, ObjectiveGrader grader)
    : ICommandHandler<OverrideKeyResultGrade, KeyResultDto>
{
    public async ValueTask<KeyResultDto> Handle(OverrideKeyResultGrade command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var (keyResult, objective) = await db.VisibleKeyResultAsync(command.Id, policy, cancellationToken);
        if (!policy.LeadsOver(objective.OwningUnitId))
            throw new ForbiddenException("Only the leads of the objective's unit and admins can override a grade.");
        keyResult.EnsureVersion(command.ExpectedVersion);
        keyResult.OverrideGrade(command.Grade, command.Reason, objective);
        objective.Regrade((await grader.GradesAsync([objective], cancellationToken))[objective.Id]);
        if (objective.GradeOverride is null)
            await grader.RegradeAfterOverrideAsync(objective, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return keyResult.ToDto();
    }
}
