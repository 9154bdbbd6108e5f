using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Common;
using Okr.Application.Objectives.Dtos;
using Okr.Application.Objectives.Grading;
using Okr.Domain.Audit;
using Okr.Domain.Common;

namespace Okr.Application.Objectives.Commands.OverrideObjectiveGrade;

/// <summary>Sets a closed objective's grade by hand, with the reason; a null grade removes the override.</summary>
[AuditedAs(AuditKind.ObjectiveGradeOverride)]
public sealed record OverrideObjectiveGrade : ICommand<ObjectiveDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>0.0 to 1.0, or null to go back to the computed grade.</summary>
    public double? Grade { get; init; }
    /// <summary>Why the computed grade does not tell the truth. Required with a grade.</summary>
    public string? Reason { get; init; }
}

public sealed class OverrideObjectiveGradeValidator : AbstractValidator<OverrideObjectiveGrade>
{
    public OverrideObjectiveGradeValidator()
    {
        RuleFor(c => c.Grade).InclusiveBetween(0, 1).When(c => c.Grade is not null);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Grade is not null).WithMessage("Say why the grade is overridden.")
            .MaximumLength(TextLimits.LongText);
    }
}

public sealed class OverrideObjectiveGradeHandler(IOkrDbContext db, AccessPolicyProvider access, ObjectiveGrader grader)
    : ICommandHandler<OverrideObjectiveGrade, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(OverrideObjectiveGrade command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.LeadsOver(objective.OwningUnitId))
            throw new ForbiddenException("Only the leads of the objective's unit and admins can override its grade.");
        objective.EnsureVersion(command.ExpectedVersion);
        objective.OverrideGrade(command.Grade, command.Reason);
        await grader.RegradeAfterOverrideAsync(objective, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
