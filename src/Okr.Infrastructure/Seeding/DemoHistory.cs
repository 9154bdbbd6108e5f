using System.Text.Json;
using Okr.Domain.Audit;
using Okr.Domain.Objectives;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Interceptors;

namespace Okr.Infrastructure.Seeding;

/// <summary>
/// The history the demo organisation would have had if its people had entered it through the product: an audit event
/// for each objective drafted, activated and closed, each alignment, check-in and comment, dated when it happened and
/// by whom, in the shape the commands write. So an objective page of the demo shows a history, not an empty card.
/// Seeding itself is not a command and writes no audit event of its own.
/// </summary>
internal static class DemoHistory
{
    public static IEnumerable<AuditEvent> Of(DemoOrganization demo)
    {
        var organizationId = demo.Organization.Id;
        var objectives = demo.Objectives.ToDictionary(o => o.Id);
        var objectiveOfKeyResult = demo.Objectives.SelectMany(o => o.KeyResults).ToDictionary(k => k.Id, k => k.ObjectiveId);
        static string Json(object values) => JsonSerializer.Serialize(values, AuditTrailInterceptor.AuditJson);
        // Activating is a lead's decision: the nearest lead of the objective's unit or of a unit above it.
        var units = demo.Units.ToDictionary(u => u.Id);
        Guid? LeadOver(Guid unitId)
        {
            for (var unit = units.GetValueOrDefault(unitId); unit is not null; unit = unit.ParentId is { } p ? units.GetValueOrDefault(p) : null)
            {
                if (unit.Members.FirstOrDefault(m => m.Role == UnitRole.Lead) is { } lead)
                    return lead.PersonId;
            }
            return null;
        }

        foreach (var o in demo.Objectives)
        {
            yield return new AuditEvent(organizationId, o.OwnerId, "CreateObjective", nameof(Objective), o.Id, o.CreatedAt, null,
                Json(new { o.Title, o.Description, o.Type, o.OwningUnitId, o.OwnerId, o.Visibility, State = ObjectiveState.Draft }), o.Id);
            if (o.ActivatedAt is { } activated)
            {
                yield return new AuditEvent(organizationId, LeadOver(o.OwningUnitId), "ActivateObjective", nameof(Objective), o.Id, activated,
                    Json(new { State = ObjectiveState.Draft }), Json(new { State = ObjectiveState.Active }), o.Id);
            }
            if (o.State == ObjectiveState.Closed && o.ClosedAt is { } closed)
            {
                yield return new AuditEvent(organizationId, null, "ClosePeriod", nameof(Objective), o.Id, closed,
                    Json(new { State = ObjectiveState.Active, Grade = (double?)null }), Json(new { State = ObjectiveState.Closed, o.Grade }), o.Id,
                    kind: AuditKind.PeriodClose);
            }
        }
        foreach (var a in demo.Alignments)
        {
            yield return new AuditEvent(organizationId, objectives.GetValueOrDefault(a.ChildObjectiveId)?.OwnerId, "AlignObjective", nameof(Alignment), a.Id,
                a.CreatedAt, null, Json(new { a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight }),
                a.ChildObjectiveId, a.ParentObjectiveId);
        }
        foreach (var c in demo.CheckIns)
        {
            yield return new AuditEvent(organizationId, c.AuthorId, "RecordCheckIn", nameof(Domain.KeyResults.CheckIn), c.Id, c.RecordedAt, null,
                Json(new { c.KeyResultId, c.Value, c.Confidence, c.ReportedStatus, c.Narrative, c.Blockers, c.NextSteps, c.EffectiveDate }),
                objectiveOfKeyResult[c.KeyResultId], kind: AuditKind.CheckIn);
        }
        foreach (var c in demo.Comments)
        {
            var objectiveId = c.ObjectiveId ?? (c.KeyResultId is { } k ? objectiveOfKeyResult.GetValueOrDefault(k) : null);
            yield return new AuditEvent(organizationId, c.AuthorId, "CreateComment", nameof(Domain.Work.Comment), c.Id, c.CreatedAt, null,
                Json(new { c.ObjectiveId, c.KeyResultId, c.Text }), objectiveId);
        }
    }
}
