using Okr.Domain.Common;

namespace Okr.Domain.Organizations;

/// <summary>What a service account may do: the rights of its keys (ADR 0027).</summary>
public enum ServiceAccountScope
{
    /// <summary>Reads what a member sees; every command is refused.</summary>
    ReadOnly = 0,
    /// <summary>Reads, and records check-ins on key results under one unit's subtree; nothing else.</summary>
    CheckInWriter = 1,
    /// <summary>An organisation admin.</summary>
    Admin = 2,
}

/// <summary>
/// A non-human member of an organisation that integrations act as, through its API keys. It is backed by a
/// <see cref="Person"/> (<see cref="PersonId"/>), so the audit trail and the history name it as the actor.
/// </summary>
public sealed class ServiceAccount : TenantAggregate
{
    private ServiceAccount() { Name = string.Empty; }

    public ServiceAccount(Guid organizationId, Guid personId, string name, ServiceAccountScope scope, Guid? unitId, Guid createdById, DateTimeOffset now)
        : base(organizationId)
    {
        Guard.NotEmpty(personId, nameof(personId));
        if (scope == ServiceAccountScope.CheckInWriter && unitId is null)
            throw new DomainRuleException("service_account.unit_required", "A check-in writer needs the unit whose subtree it writes to.");
        if (scope != ServiceAccountScope.CheckInWriter && unitId is not null)
            throw new DomainRuleException("service_account.unit_not_allowed", "Only a check-in writer is limited to a unit.");
        PersonId = personId;
        Name = Guard.Text(name, "Name", TextLimits.Name);
        Scope = scope;
        UnitId = unitId;
        CreatedById = createdById;
        CreatedAt = now;
    }

    public Guid PersonId { get; private set; }
    public string Name { get; private set; }
    public ServiceAccountScope Scope { get; private set; }
    /// <summary>The root of the subtree a check-in writer writes to; null for the other scopes.</summary>
    public Guid? UnitId { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When an admin disabled it: its keys stop working.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsEnabled => DisabledAt is null;

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    /// <summary>The role of the person behind it.</summary>
    public OrganizationRole Role => Scope == ServiceAccountScope.Admin ? OrganizationRole.Admin : OrganizationRole.Member;
}

/// <summary>
/// A key of a service account: <c>okr_live_{PublicId}_{secret}</c>. Only the SHA-256 of the secret is stored; the key is
/// shown once, when made. It may expire, and is revoked (never deleted) so the list tells what existed.
/// </summary>
public sealed class ApiKey : TenantEntity
{
    private ApiKey() { PublicId = SecretHash = Name = string.Empty; }

    public ApiKey(Guid organizationId, Guid serviceAccountId, string publicId, string secretHash, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
        : base(organizationId)
    {
        if (expiresAt is { } expiry && expiry <= now)
            throw new DomainRuleException("api_key.expiry_past", "The expiry must be in the future.");
        ServiceAccountId = serviceAccountId;
        PublicId = Guard.Text(publicId, "Public id", 32);
        SecretHash = Guard.Text(secretHash, "Secret hash", 128);
        Name = Guard.Text(name, "Name", TextLimits.Name);
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid ServiceAccountId { get; private set; }
    /// <summary>The key's public part, shown in lists so a key can be recognised (and found when presented).</summary>
    public string PublicId { get; private set; }
    public string SecretHash { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || now < expiry);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
