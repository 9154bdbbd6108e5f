namespace Okr.Domain.Common;

/// <summary>Anything with an identity. Ids are UUIDv7 so they sort by creation time and index well.</summary>
public abstract class Entity
{
    private Guid _id;

    /// <summary>
    /// Made on first read for a new entity, not in an initialiser: rows loaded from the database get their key set
    /// instead, so reading a hundred thousand rows does not make (and throw away) a hundred thousand UUIDs.
    /// </summary>
    public Guid Id
    {
        get => _id == Guid.Empty ? _id = Guid.CreateVersion7() : _id;
        protected init => _id = value;
    }

    // A field, not a property, so EF Core does not map it.
    private List<IDomainEvent>? _domainEvents;

    /// <summary>
    /// The facts this entity raised since it was loaded or made (an objective activated, a check-in recorded): the
    /// persistence layer turns them into outbound webhook events in the same save, then clears them (ADR 0030).
    /// </summary>
    public IReadOnlyList<IDomainEvent> DomainEvents() => _domainEvents ?? (IReadOnlyList<IDomainEvent>)[];

    public void ClearDomainEvents() => _domainEvents = null;

    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);
}

/// <summary>A fact raised by an aggregate, in the organisation it happened in.</summary>
public interface IDomainEvent
{
    Guid OrganizationId { get; }
}

/// <summary>A row that belongs to exactly one organisation (the tenant).</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}

/// <summary>
/// An aggregate root carries an application-managed version, incremented on every save and used as the
/// optimistic concurrency token: it works the same on SQLite, PostgreSQL and SQL Server.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}

public abstract class AggregateRoot : Entity, IVersioned
{
    public long Version { get; set; }
}

/// <summary>An aggregate root owned by an organisation.</summary>
public abstract class TenantAggregate : AggregateRoot, ITenantOwned
{
    protected TenantAggregate() { }

    protected TenantAggregate(Guid organizationId)
    {
        Guard.NotEmpty(organizationId, nameof(organizationId));
        OrganizationId = organizationId;
    }

    public Guid OrganizationId { get; protected init; }
}

/// <summary>A child row of an aggregate that is still tenant-owned (so the organisation filter applies to it too).</summary>
public abstract class TenantEntity : Entity, ITenantOwned
{
    protected TenantEntity() { }

    protected TenantEntity(Guid organizationId)
    {
        Guard.NotEmpty(organizationId, nameof(organizationId));
        OrganizationId = organizationId;
    }

    public Guid OrganizationId { get; protected init; }
}
