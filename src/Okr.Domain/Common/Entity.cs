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

    // Facts raised by the entity's own methods, read by the persistence layer in the save that stores the change: the
    // notifications (ADR 0028) and the outbound webhook events (ADR 0030). A field, not a property, so EF Core never maps it.
    private List<IDomainEvent>? _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);

    /// <summary>The facts raised since the entity was loaded or made, or since they were last cleared.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents() => _domainEvents ?? (IReadOnlyList<IDomainEvent>)[];

    /// <summary>Forgets the facts raised: the last reader of a save clears them, so a save takes each once.</summary>
    public void ClearDomainEvents() => _domainEvents = null;

    /// <summary>The facts raised, emptied (for a save that wants none of them, such as the demo's).</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = DomainEvents();
        ClearDomainEvents();
        return events;
    }
}

/// <summary>A fact an entity raised about itself; <see cref="EventId"/> tells one occurrence from another.</summary>
public interface IDomainEvent
{
    Guid EventId { get; }
}

/// <summary>A fact with a fresh id.</summary>
public abstract record DomainEvent : IDomainEvent
{
    public Guid EventId { get; } = Guid.CreateVersion7();
}

/// <summary>A fact that names its organisation: what outbound webhooks carry (ADR 0030).</summary>
public interface IOrganizationFact : IDomainEvent
{
    Guid OrganizationId { get; }
}

/// <summary>
/// A person's own bookkeeping (their notifications, what they follow, their preferences): not part of any objective's
/// history, so the audit trail leaves it out.
/// </summary>
public interface IPersonalRecord;

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

/// <summary>A row that is written once and never changed or deleted (a published business review): the persistence layer refuses any change.</summary>
public interface IImmutableRow;
