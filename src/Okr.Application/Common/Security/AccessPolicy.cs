using Okr.Domain.Objectives;
using Okr.Domain.Units;

namespace Okr.Application.Common.Security;

/// <summary>What the rules need to know about an objective.</summary>
public readonly record struct ObjectiveAccess(Guid OwningUnitId, Guid? OwnerId, ObjectiveState State, Visibility Visibility)
{
    public static ObjectiveAccess Of(Objective objective) => new(objective.OwningUnitId, objective.OwnerId, objective.State, objective.Visibility);
}

/// <summary>
/// The caller's rights in their organisation, from the unit tree and their memberships (issue: "admins may do
/// everything in their organisation; a unit lead manages the OKRs, members and sub-units of their unit's subtree;
/// a member drafts OKRs for their units and checks in on key results they own or that their unit owns;
/// restricted objectives are invisible to those outside them").
/// </summary>
public sealed class AccessPolicy(Guid personId, bool isAdmin, OrgTree tree, IReadOnlyDictionary<Guid, UnitRole> memberships)
{
    public Guid PersonId { get; } = personId;
    public bool IsAdmin { get; } = isAdmin;
    public OrgTree Tree { get; } = tree;

    public bool IsMemberOf(Guid unitId) => memberships.ContainsKey(unitId);

    /// <summary>The units the caller is a member or lead of.</summary>
    public IEnumerable<Guid> MemberUnitIds => memberships.Keys;

    /// <summary>Admin, or lead of the unit or of a unit above it.</summary>
    public bool LeadsOver(Guid unitId) =>
        IsAdmin || Tree.AncestorsOf(unitId).Prepend(unitId).Any(u => memberships.TryGetValue(u, out var role) && role == UnitRole.Lead);

    /// <summary>Admin, or lead of a unit strictly above this one (the unit's own lead cannot delete or move it away).</summary>
    public bool LeadsAbove(Guid unitId) =>
        IsAdmin || Tree.AncestorsOf(unitId).Any(u => memberships.TryGetValue(u, out var role) && role == UnitRole.Lead);

    /// <summary>Admin, or lead of at least one unit: who runs the cycle's roadmap (marks checkpoints done).</summary>
    public bool LeadsAnyUnit => IsAdmin || memberships.Values.Any(role => role == UnitRole.Lead);

    /// <summary>Create sub-units, manage members and the unit's OKRs.</summary>
    public bool CanManageUnit(Guid unitId) => LeadsOver(unitId);

    /// <summary>Draft objectives (and KPIs, initiatives) for this unit: its members and those who lead over it.</summary>
    public bool CanDraftIn(Guid unitId) => LeadsOver(unitId) || IsMemberOf(unitId);

    /// <summary>
    /// Public objectives are seen by everyone in the organisation; restricted ones by the owning unit's members,
    /// the leads above it, the owner and admins.
    /// </summary>
    public bool CanSee(ObjectiveAccess objective) =>
        objective.Visibility == Visibility.Public || objective.OwnerId == PersonId || IsMemberOf(objective.OwningUnitId) || LeadsOver(objective.OwningUnitId);

    /// <summary>Edit the objective and its key results: its leads; and while it is a draft, the unit's members and the owner.</summary>
    public bool CanEdit(ObjectiveAccess objective) =>
        LeadsOver(objective.OwningUnitId)
        || objective.OwnerId == PersonId
        || (objective.State == ObjectiveState.Draft && IsMemberOf(objective.OwningUnitId));

    /// <summary>
    /// Lifecycle decisions (activate, cancel, roll over): the unit's leads and admins. Not the owner: anyone who may
    /// edit a draft may name its owner, so ownership must not grant more than editing.
    /// </summary>
    public bool CanDecide(ObjectiveAccess objective) => LeadsOver(objective.OwningUnitId);

    /// <summary>Check in: the key result's owner, members of its unit, and the leads over its unit or its objective's unit.</summary>
    public bool CanCheckIn(Guid keyResultUnitId, Guid? keyResultOwnerId, Guid objectiveUnitId) =>
        keyResultOwnerId == PersonId || IsMemberOf(keyResultUnitId) || LeadsOver(keyResultUnitId) || LeadsOver(objectiveUnitId);
}
