using Okr.Domain.Common;

namespace Okr.Domain.Organizations;

/// <summary>
/// An invitation to join an organisation by email. Only a hash of the one-time token is stored,
/// so a leaked database does not leak usable invitations.
/// </summary>
public sealed class Invitation : TenantAggregate
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    /// <summary>An invitation is mailed again at most this often, so resending cannot be used to flood someone's inbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(5);

    private Invitation() { Email = TokenHash = string.Empty; }

    public Invitation(Guid organizationId, string email, OrganizationRole role, string tokenHash, Guid invitedBy, DateTimeOffset now)
        : base(organizationId)
    {
        Email = EmailAddress.Normalize(email);
        Role = role;
        TokenHash = Guard.Text(tokenHash, "Token", 128);
        InvitedById = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public string Email { get; private set; }
    public OrganizationRole Role { get; private set; }
    public string TokenHash { get; private set; }
    public Guid InvitedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedByPersonId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>When it was last mailed again with a new token (null: only when created).</summary>
    public DateTimeOffset? ResentAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(Guid personId, DateTimeOffset now)
    {
        if (AcceptedAt is not null)
            throw new DomainRuleException("invitation.already_accepted", "This invitation has already been accepted.");
        if (RevokedAt is not null)
            throw new DomainRuleException("invitation.revoked", "This invitation was revoked.");
        if (now >= ExpiresAt)
            throw new DomainRuleException("invitation.expired", "This invitation has expired; ask for a new one.");
        AcceptedAt = now;
        AcceptedByPersonId = personId;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
            throw new DomainRuleException("invitation.already_accepted", "An accepted invitation cannot be revoked.");
        RevokedAt ??= now;
    }

    /// <summary>
    /// Gives the invitation a new token (only its hash is stored, so the first one cannot be mailed again) and a new
    /// lifetime, for mailing it again: the previous link stops working. Not for an accepted or revoked invitation, and at
    /// most once per <see cref="ResendInterval"/>.
    /// </summary>
    public void Reissue(string tokenHash, DateTimeOffset now)
    {
        if (AcceptedAt is not null)
            throw new DomainRuleException("invitation.already_accepted", "This invitation has already been accepted.");
        if (RevokedAt is not null)
            throw new DomainRuleException("invitation.revoked", "This invitation was revoked.");
        var lastSent = ResentAt ?? CreatedAt;
        if (now < lastSent + ResendInterval)
            throw new DomainRuleException("invitation.resent_recently",
                $"This invitation was sent less than {ResendInterval.TotalMinutes:0} minutes ago; wait before sending it again.");
        TokenHash = Guard.Text(tokenHash, "Token", 128);
        ResentAt = now;
        ExpiresAt = now + Lifetime;
    }
}
