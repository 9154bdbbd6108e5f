using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>
/// Real entities of the fuzz's own copy of the demo organisation, by kind, so that a fuzzed request reaches its handler
/// (a path id or a body id of an entity that exists) instead of stopping at "not found".
/// </summary>
public sealed class FuzzTargets(IReadOnlyDictionary<string, Guid> ids)
{
    public static async Task<FuzzTargets> LoadAsync(OkrApiFactory host, PrivateDemo demo)
    {
        var ids = await demo.ReadAsync(host, async db =>
        {
            var admin = await db.People.Where(p => p.Role == OrganizationRole.Admin).Select(p => p.Id).FirstAsync();
            var objective = await db.Objectives.Where(o => o.PeriodId == demo.CurrentPeriodId && db.Alignments.Any(a => a.ChildObjectiveId == o.Id))
                .Select(o => o.Id).FirstAsync();
            var unit = await db.OrgUnits.Where(u => u.ParentId != null && db.UnitMemberships.Any(m => m.UnitId == u.Id)).Select(u => u.Id).FirstAsync();
            var found = new Dictionary<string, Guid?>
            {
                ["organization"] = demo.OrganizationId,
                ["period"] = demo.CurrentPeriodId,
                ["targetPeriod"] = await db.Periods.Where(p => p.State == PeriodState.Planning).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
                ["objective"] = objective,
                ["parentObjective"] = demo.Objective(PrivateDemo.CompanyObjective),
                ["alignment"] = await db.Alignments.Where(a => a.ChildObjectiveId == objective).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(),
                ["keyResult"] = await db.KeyResults.Where(k => k.ObjectiveId == objective).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(),
                ["unit"] = unit,
                ["person"] = await db.People.Where(p => p.Id != admin && p.IsActive).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
                ["member"] = await db.UnitMemberships.Where(m => m.UnitId == unit && m.PersonId != admin).Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(),
                ["checkpoint"] = await db.Checkpoints.Where(c => c.PeriodId == demo.CurrentPeriodId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
                ["focusArea"] = await db.FocusAreas.Select(f => (Guid?)f.Id).FirstOrDefaultAsync(),
                ["checkIn"] = await db.CheckIns.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
                ["initiative"] = await db.Initiatives.Select(i => (Guid?)i.Id).FirstOrDefaultAsync(),
                ["kpi"] = await db.Kpis.Select(k => (Guid?)k.Id).FirstOrDefaultAsync(),
                ["comment"] = await db.Comments.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
                ["annotation"] = await db.Annotations.Select(a => (Guid?)a.Id).FirstOrDefaultAsync(),
                ["invitation"] = await db.Invitations.Select(i => (Guid?)i.Id).FirstOrDefaultAsync(),
                ["serviceAccount"] = await db.ServiceAccounts.Select(a => (Guid?)a.Id).FirstOrDefaultAsync(),
                ["apiKey"] = await db.ApiKeys.Select(k => (Guid?)k.Id).FirstOrDefaultAsync(),
                ["businessReview"] = await db.BusinessReviews.Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
                ["outboxMessage"] = await db.OutboxMessages.Where(m => m.OrganizationId == demo.OrganizationId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(),
                ["webhookSubscription"] = await db.WebhookSubscriptions.Select(w => (Guid?)w.Id).FirstOrDefaultAsync(),
                ["webhookDelivery"] = await db.WebhookDeliveries.Select(d => (Guid?)d.Id).FirstOrDefaultAsync(),
                ["notification"] = await db.Notifications.Select(n => (Guid?)n.Id).FirstOrDefaultAsync(),
            };
            found["kpiValue"] = await db.KpiValues.Where(v => v.KpiId == found["kpi"]).Select(v => (Guid?)v.Id).FirstOrDefaultAsync();
            return found;
        });
        // A kind the demo lacks gets an id that exists nowhere: its cases still run, and stop at 404.
        return new FuzzTargets(ids.ToDictionary(kv => kv.Key, kv => kv.Value ?? Guid.NewGuid()));
    }

    /// <summary>The id for a body field or a query argument, by its name (periodId, ownerId, keyResultIds, parentUnitId, …).</summary>
    public Guid ForField(string name)
    {
        var n = name.ToLowerInvariant();
        return n switch
        {
            _ when n.Contains("targetperiod") => ids["targetPeriod"],
            _ when n.Contains("period") => ids["period"],
            _ when n.Contains("parentobjective") => ids["parentObjective"],
            _ when n.Contains("parentkeyresult") => ids["keyResult"],
            _ when n.Contains("objective") => ids["objective"],
            _ when n.Contains("keyresult") => ids["keyResult"],
            _ when n.Contains("kpi") => ids["kpi"],
            _ when n.Contains("focusarea") => ids["focusArea"],
            _ when n.Contains("unit") || n == "parentid" => ids["unit"],
            _ when n.Contains("person") || n.Contains("owner") || n.Contains("author") => ids["person"],
            _ => ids["objective"],
        };
    }

    /// <summary>The id for a path parameter: by its name, or for <c>{id}</c> by the resource the segment before names.</summary>
    public Guid ForPath(string path, string parameter) => parameter switch
    {
        "keyResultId" => ids["keyResult"],
        "valueId" => ids["kpiValue"],
        "alignmentId" => ids["alignment"],
        "personId" => ids["member"],
        "checkpointId" => ids["checkpoint"],
        "keyId" => ids["apiKey"],
        "deliveryId" => ids["webhookDelivery"],
        _ => path.Split('/')[2] switch
        {
            "annotations" => ids["annotation"],
            "comments" => ids["comment"],
            "focus-areas" => ids["focusArea"],
            "initiatives" => ids["initiative"],
            "invitations" => ids["invitation"],
            "key-results" => ids["keyResult"],
            "check-ins" => ids["checkIn"],
            "kpis" => ids["kpi"],
            "objectives" => ids["objective"],
            "org-units" => ids["unit"],
            "organizations" => ids["organization"],
            "people" => ids["person"],
            "periods" => ids["period"],
            "service-accounts" => ids["serviceAccount"],
            "business-reviews" => ids["businessReview"],
            "outbox-messages" => ids["outboxMessage"],
            // A mail file is named, not numbered: a name that exists nowhere (its cases stop at 404).
            "mail-files" => Guid.Empty,
            "webhook-subscriptions" => ids["webhookSubscription"],
            "notifications" => ids["notification"],
            var other => throw new InvalidOperationException($"The fuzz does not know which entity /api/{other}/{{id}} names."),
        },
    };
}
