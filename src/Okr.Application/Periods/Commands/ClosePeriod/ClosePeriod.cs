using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Common;
using Okr.Application.Objectives.Grading;
using Okr.Domain.Audit;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Application.Periods.Commands.ClosePeriod;

/// <summary>
/// Review → closed, in one transaction: every active objective of the period is graded (its key results from their
/// measured progress, then the objective as the weighted rollup) and closed; drafts, never committed to, are
/// cancelled; the selected objectives roll over into the target period as drafts carrying their unfinished key
/// results. Admins only.
/// </summary>
[AuditedAs(AuditKind.PeriodClose)]
public sealed record ClosePeriod : ICommand<PeriodClosed>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The period's open objectives to roll over into the target period.</summary>
    public IReadOnlyList<RollOverSelection> RollOver { get; init; } = [];
    /// <summary>A later period, not closed, that the selected objectives roll over into; required when some are selected.</summary>
    public Guid? TargetPeriodId { get; init; }
}

/// <summary>An objective to roll over.</summary>
public sealed record RollOverSelection(Guid ObjectiveId);

/// <summary>What closing did.</summary>
/// <param name="Version">The period's new version (its ETag).</param>
/// <param name="Graded">The objectives graded and closed, with their key results' grades.</param>
/// <param name="CancelledDrafts">Drafts of the period, cancelled rather than graded (they were never activated).</param>
/// <param name="RolledOver">The copies started in the target period.</param>
public sealed record PeriodClosed(
    Guid PeriodId,
    long Version,
    PeriodState State,
    IReadOnlyList<GradedObjective> Graded,
    IReadOnlyList<Guid> CancelledDrafts,
    IReadOnlyList<RolledOverObjective> RolledOver) : IVersionedDto;

/// <param name="Grade">The objective's grade, 0.0 to 1.0: the weighted mean of its key results' grades (and of contributing children).</param>
public sealed record GradedObjective(Guid ObjectiveId, string Title, double Grade, IReadOnlyList<GradedKeyResult> KeyResults);

/// <param name="Grade">The key result's measured progress at close, rounded to two decimals.</param>
public sealed record GradedKeyResult(Guid KeyResultId, string Title, double Grade);

/// <param name="NewObjectiveId">The draft copy in the target period.</param>
/// <param name="CarriedKeyResults">How many unfinished key results it carries (their last value is the new baseline).</param>
public sealed record RolledOverObjective(Guid FromObjectiveId, Guid NewObjectiveId, int CarriedKeyResults);

public sealed class ClosePeriodValidator : AbstractValidator<ClosePeriod>
{
    public ClosePeriodValidator()
    {
        RuleFor(c => c.RollOver).NotNull().Must(r => r.Count <= 500).WithMessage("Roll over at most 500 objectives at once.")
            .Must(r => r.Select(s => s?.ObjectiveId).Distinct().Count() == r.Count).WithMessage("Name each objective to roll over once.");
        RuleForEach(c => c.RollOver).NotNull().WithMessage("A roll-over entry may not be null.");
        RuleForEach(c => c.RollOver).ChildRules(selection => selection.RuleFor(s => s.ObjectiveId).NotEmpty());
        RuleFor(c => c.TargetPeriodId).NotNull().When(c => c.RollOver is { Count: > 0 })
            .WithMessage("Choose the period the selected objectives roll over into.");
    }
}

public sealed class ClosePeriodHandler(IOkrDbContext db, ObjectiveGrader grader, IClock clock) : ICommandHandler<ClosePeriod, PeriodClosed>
{
    public async ValueTask<PeriodClosed> Handle(ClosePeriod command, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var period = await db.PeriodAsync(command.Id, cancellationToken);
        period.EnsureVersion(command.ExpectedVersion);
        // First, so a period that is not in review is refused before anything else happens.
        period.MoveTo(PeriodState.Closed);

        var objectives = await db.Objectives.Include(o => o.KeyResults).Include(o => o.Raci)
            .Where(o => o.PeriodId == period.Id).ToListAsync(cancellationToken);
        var rolledOver = await RollOverAsync(command, period, objectives, now, cancellationToken);

        var drafts = objectives.Where(o => o.State == ObjectiveState.Draft).ToList();
        foreach (var draft in drafts)
            draft.Cancel(now);
        // Saved before grading, so the grader (which reads contributing children from the database) no longer counts them.
        await db.SaveChangesAsync(cancellationToken);

        var active = objectives.Where(o => o.State == ObjectiveState.Active).ToList();
        foreach (var keyResult in active.SelectMany(o => o.LiveKeyResults))
            keyResult.GradeAtClose();
        var grades = await grader.GradesAsync(active, cancellationToken);
        foreach (var objective in active)
            objective.Close(grades[objective.Id], now);
        await db.SaveChangesAsync(cancellationToken);

        return new PeriodClosed(period.Id, period.Version, period.State,
            active.Select(o => new GradedObjective(o.Id, o.Title, o.Grade!.Value,
                o.LiveKeyResults.OrderBy(k => k.SortOrder).Select(k => new GradedKeyResult(k.Id, k.Title, k.Grade!.Value)).ToList())).ToList(),
            drafts.Select(d => d.Id).ToList(),
            rolledOver);
    }

    private async Task<List<RolledOverObjective>> RollOverAsync(ClosePeriod command, Period period, List<Objective> objectives, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var result = new List<RolledOverObjective>();
        if (command.RollOver.Count == 0)
            return result;
        var target = await db.Periods.FirstOrDefaultAsync(p => p.Id == command.TargetPeriodId, cancellationToken)
            ?? throw Invalid.Field(nameof(command.TargetPeriodId), "No such period in your organisation.");
        var byId = objectives.ToDictionary(o => o.Id);
        for (var i = 0; i < command.RollOver.Count; i++)
        {
            if (!byId.TryGetValue(command.RollOver[i].ObjectiveId, out var objective))
                throw Invalid.Field($"{nameof(command.RollOver)}[{i}].{nameof(RollOverSelection.ObjectiveId)}", "Not an objective of this period.");
            // The domain refuses a closed, earlier or same target period, and cancelled objectives.
            var copy = objective.RollOver(period, target, k => k.Progress, now);
            db.Objectives.Add(copy);
            result.Add(new RolledOverObjective(objective.Id, copy.Id, copy.KeyResults.Count));
        }
        return result;
    }
}
