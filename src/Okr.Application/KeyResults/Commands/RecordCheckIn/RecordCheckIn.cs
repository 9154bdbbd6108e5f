using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
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
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;

namespace Okr.Application.KeyResults.Commands.RecordCheckIn;

/// <summary>
/// Records a check-in on a key result. Immutable: a correction is a new check-in. A narrative is required when
/// the value moves against the key result's direction or would leave it off track.
/// </summary>
[AuditedAs(AuditKind.CheckIn)]
public sealed record RecordCheckIn : ICommand<CheckInDto>, ICheckInWriterRequest
{
    [JsonIgnore] public Guid KeyResultId { get; init; }
    /// <summary>The metric's value now (0 or 1 for a milestone).</summary>
    public required decimal Value { get; init; }
    /// <summary>How sure the owner is of reaching the target, 0 to 10.</summary>
    public required int Confidence { get; init; }
    /// <summary>The day the value applies to; today when omitted. Late numbers for an ended period are allowed within the grace window.</summary>
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>What happened and why: required when the value goes the wrong way or the key result is off track.</summary>
    public string? Narrative { get; init; }
    public string? Blockers { get; init; }
    public string? NextSteps { get; init; }
    /// <summary>The owner's own reading, shown next to the computed status.</summary>
    public ReportedStatus? ReportedStatus { get; init; }
}

public sealed class RecordCheckInValidator : AbstractValidator<RecordCheckIn>
{
    public RecordCheckInValidator()
    {
        RuleFor(c => c.Value).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(c => c.Confidence).InclusiveBetween(0, 10).WithMessage("Confidence is a whole number from 0 to 10.");
        RuleFor(c => c.Narrative).MaximumLength(TextLimits.LongText);
        RuleFor(c => c.Blockers).MaximumLength(TextLimits.LongText);
        RuleFor(c => c.NextSteps).MaximumLength(TextLimits.LongText);
        RuleFor(c => c.ReportedStatus).IsInEnum();
    }
}

public sealed class RecordCheckInHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock, ObjectiveGrader grader)
    : ICommandHandler<RecordCheckIn, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(RecordCheckIn command, CancellationToken cancellationToken)
    {
        // The rights over the two units that matter, not the whole organisation's tree: a check-in's cost stays fixed.
        var units = await db.KeyResults.Where(k => k.Id == command.KeyResultId)
            .Select(k => new { k.OwningUnitId, ObjectiveUnitId = db.Objectives.Where(o => o.Id == k.ObjectiveId).Select(o => o.OwningUnitId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("KeyResult", command.KeyResultId);
        var policy = await access.GetForUnitsAsync([units.OwningUnitId, units.ObjectiveUnitId], cancellationToken);
        var (keyResult, objective) = await db.VisibleKeyResultAsync(command.KeyResultId, policy, cancellationToken);
        if (!policy.CanCheckIn(keyResult.OwningUnitId, keyResult.OwnerId, objective.OwningUnitId))
            throw new ForbiddenException("You can check in on key results you own, that your unit owns, or that you lead.");
        var period = await db.PeriodAsync(objective.PeriodId, cancellationToken);
        var settings = await db.Organizations.Select(o => o.Settings).SingleAsync(cancellationToken);

        var entry = new CheckInEntry(command.Value, command.Confidence, command.EffectiveDate ?? clock.Today,
            command.Narrative, command.Blockers, command.NextSteps, command.ReportedStatus);
        var checkIn = keyResult.RecordCheckIn(entry, objective, period, settings, policy.PersonId, clock.UtcNow);
        db.CheckIns.Add(checkIn);
        // A late check-in: the objective is regraded, and so are the closed ancestors whose grades count it.
        if (objective.State == ObjectiveState.Closed)
            await grader.RegradeAfterLateCheckInAsync(objective, entry.EffectiveDate, clock.UtcNow, settings.StalenessGraceDays, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return checkIn.ToDto();
    }
}
