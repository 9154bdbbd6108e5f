using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Domain.Coaching;
using Okr.Domain.Computations;

namespace Okr.Application.OkrGraph.Queries.GetOkrFindings;

/// <summary>
/// The OKR coach's findings on a period's OKRs, for a unit and the units below it (default: the whole
/// organisation). Findings about objectives the caller cannot see are left out.
/// </summary>
public sealed record GetOkrFindings(Guid PeriodId, Guid? UnitId = null) : IQuery<IReadOnlyList<CoachFinding>>;

public sealed class GetOkrFindingsHandler(IOkrDbContext db, OkrReadModel reads) : IQueryHandler<GetOkrFindings, IReadOnlyList<CoachFinding>>
{
    public async ValueTask<IReadOnlyList<CoachFinding>> Handle(GetOkrFindings query, CancellationToken cancellationToken)
    {
        var snapshot = await reads.SnapshotAsync(query.PeriodId, asOf: null, cancellationToken);
        var organization = await reads.OrganizationAsync(cancellationToken);
        var units = query.UnitId is { } unitId
            ? snapshot.Units.Find(unitId) is null ? throw new NotFoundException("OrgUnit", unitId) : snapshot.Units.Scope(unitId, includeDescendants: true)
            : snapshot.Units.All.Select(u => u.Id).ToList();
        var scope = units.ToHashSet();

        var objectives = snapshot.Objectives.Where(o => scope.Contains(o.OwningUnitId)).ToList();
        var keyResults = objectives.SelectMany(o => o.KeyResults).ToList();
        var keyResultIds = keyResults.Select(k => k.Id).ToList();
        var objectiveOf = keyResults.ToDictionary(k => k.Id, k => k.ObjectiveId);

        // Two statements: initiative links of these key results, and the focus areas in play for the period.
        var links = keyResultIds.Count == 0
            ? []
            : await db.InitiativeKeyResults.AsNoTracking().Where(l => EF.Parameter(keyResultIds).Contains(l.KeyResultId))
                .Select(l => new { l.InitiativeId, l.KeyResultId }).ToListAsync(cancellationToken);
        var initiativesPerObjective = links.GroupBy(l => objectiveOf[l.KeyResultId])
            .ToDictionary(g => g.Key, g => g.Select(l => l.InitiativeId).Distinct().Count());
        var period = snapshot.Period;
        var focusAreaCount = await db.FocusAreas.CountAsync(f => !f.IsArchived && (f.PeriodId == period.Id || f.PeriodId == period.ParentId), cancellationToken);

        var parentCounts = snapshot.Alignments.GroupBy(a => a.ChildObjectiveId).ToDictionary(g => g.Key, g => g.Count());
        var input = new CoachInput(
            organization.Id, snapshot.Now, period.StartsAt, period.EndsAt,
            snapshot.Units.All.Where(u => scope.Contains(u.Id)).Select(u => new CoachUnit(u.Id, u.Name, u.Kind)).ToList(),
            objectives.Select(o => new CoachObjective(o.Id, o.OwningUnitId, o.Title, o.Type, o.State, o.OwnerId,
                parentCounts.GetValueOrDefault(o.Id), initiativesPerObjective.GetValueOrDefault(o.Id))).ToList(),
            keyResults.Select(k => new CoachKeyResult(k.Id, k.ObjectiveId, k.Title, k.OwnerId, k.Measure, k.BaselineMethod,
                k.Status ?? OkrStatus.NotStarted, k.Forecast, k.Progress)).ToList(),
            focusAreaCount);

        return OkrCoach.Review(input)
            .Where(f => f.Subject switch
            {
                FindingSubject.Objective => snapshot.CanSee(f.SubjectId),
                FindingSubject.KeyResult => objectiveOf.TryGetValue(f.SubjectId, out var objectiveId) && snapshot.CanSee(objectiveId),
                _ => true,
            })
            .OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.SubjectId)
            .ToList();
    }
}
