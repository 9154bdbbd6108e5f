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

/// <summary>A row that is written once and never changed or deleted (a published business review): the persistence layer refuses any change.</summary>
public interface IImmutableRow;
