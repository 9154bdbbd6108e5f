using Okr.Domain.Common;

namespace Okr.Domain.Units;

public enum UnitKind
{
    Company = 0,
    Division = 1,
    Department = 2,
    Team = 3,
    CrossFunctionalTeam = 4,
}

public enum UnitRole
{
    Member = 0,
    Lead = 1,
}

/// <summary>A node of the organisation tree. The company is the single root.</summary>
public sealed class OrgUnit : TenantAggregate
{
    private readonly List<UnitMembership> _members = [];

    private OrgUnit() { Name = string.Empty; }

    private OrgUnit(Guid organizationId, string name, UnitKind kind, Guid? parentId) : base(organizationId)
    {
        Name = Guard.Text(name, "Name", TextLimits.Name);
        Kind = kind;
        ParentId = parentId;
    }

    public string Name { get; private set; }
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public IReadOnlyList<UnitMembership> Members => _members;

    public static OrgUnit CreateCompany(Guid organizationId, string name) => new(organizationId, name, UnitKind.Company, null);

    public static OrgUnit CreateChild(OrgUnit parent, string name, UnitKind kind)
    {
        if (kind == UnitKind.Company)
            throw new DomainRuleException("unit.second_company", "An organisation has exactly one company unit, at the root.");
        return new OrgUnit(parent.OrganizationId, name, kind, parent.Id);
    }

    public void Rename(string name) => Name = Guard.Text(name, "Name", TextLimits.Name);

    public void ChangeKind(UnitKind kind)
    {
        if ((kind == UnitKind.Company) != (Kind == UnitKind.Company))
            throw new DomainRuleException("unit.second_company", "Only the root unit is the company.");
        Kind = kind;
    }

    /// <summary>
    /// Moves the unit under <paramref name="newParent"/>. <paramref name="newParentAncestry"/> is the new
    /// parent's chain of ancestor ids (as known by the caller); moving under oneself or a descendant is refused.
    /// History is kept: objectives keep pointing at this unit.
    /// </summary>
    public void MoveTo(OrgUnit newParent, IEnumerable<Guid> newParentAncestry)
    {
        if (Kind == UnitKind.Company)
            throw new DomainRuleException("unit.company_cannot_move", "The company unit is the root and cannot be moved.");
        if (newParent.Id == Id || newParentAncestry.Contains(Id))
            throw new DomainRuleException("unit.cycle", $"'{Name}' cannot be moved under itself or one of its own sub-units.");
        ParentId = newParent.Id;
    }

    /// <summary>The company is the root of the tree and goes only with the organisation.</summary>
    public void EnsureDeletable()
    {
        if (Kind == UnitKind.Company)
            throw new DomainRuleException("unit.company_cannot_delete", "The company unit is the root of the organisation and cannot be deleted.");
    }

    public UnitRole? RoleOf(Guid personId) => _members.FirstOrDefault(m => m.PersonId == personId)?.Role;

    public UnitMembership AddMember(Guid personId, UnitRole role)
    {
        Guard.NotEmpty(personId, nameof(personId));
        if (_members.Any(m => m.PersonId == personId))
            throw new DomainRuleException("unit.already_member", "This person is already a member of the unit.");
        var membership = new UnitMembership(OrganizationId, Id, personId, role);
        _members.Add(membership);
        return membership;
    }

    public void ChangeMemberRole(Guid personId, UnitRole role) => FindMember(personId).Role = role;

    public void RemoveMember(Guid personId) => _members.Remove(FindMember(personId));

    private UnitMembership FindMember(Guid personId) =>
        _members.FirstOrDefault(m => m.PersonId == personId)
        ?? throw new DomainRuleException("unit.not_member", "This person is not a member of the unit.");
}

public sealed class UnitMembership : TenantEntity
{
    private UnitMembership() { }

    internal UnitMembership(Guid organizationId, Guid unitId, Guid personId, UnitRole role) : base(organizationId)
    {
        UnitId = unitId;
        PersonId = personId;
        Role = role;
    }

    public Guid UnitId { get; private set; }
    public Guid PersonId { get; private set; }
    public UnitRole Role { get; internal set; }
}
