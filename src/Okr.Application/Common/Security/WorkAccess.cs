namespace Okr.Application.Common.Security;

/// <summary>
/// Who may change the work around the OKRs (initiatives, KPIs, annotations, comments). Reading follows the
/// key results and objectives involved: see <see cref="KeyResultVisibility"/> and docs/decisions/0009.
/// </summary>
public static class WorkAccess
{
    /// <summary>Plan work for a unit: those who can draft in it; work that belongs to no unit, any member.</summary>
    public static bool CanPlanWorkIn(this AccessPolicy policy, Guid? unitId) => unitId is not { } unit || policy.CanDraftIn(unit);

    /// <summary>Edit an initiative, change its status and its key results: admins, its owner, and those who can plan work in its unit.</summary>
    public static bool CanEditInitiative(this AccessPolicy policy, Guid? unitId, Guid? ownerId) =>
        policy.IsAdmin || (ownerId is { } owner && owner == policy.PersonId) || policy.CanPlanWorkIn(unitId);

    /// <summary>Create, edit, record values of and link a KPI: its owning unit's members and the leads over it (admins included).</summary>
    public static bool CanManageKpi(this AccessPolicy policy, Guid owningUnitId) => policy.CanDraftIn(owningUnitId);

    /// <summary>Edit or delete an annotation: its author and admins.</summary>
    public static bool CanChangeAnnotation(this AccessPolicy policy, Guid authorId) => policy.IsAdmin || authorId == policy.PersonId;

    /// <summary>Remove someone's comment as a moderator: the leads over the commented objective's unit, and admins.</summary>
    public static bool CanModerateComments(this AccessPolicy policy, Guid objectiveUnitId) => policy.LeadsOver(objectiveUnitId);
}
