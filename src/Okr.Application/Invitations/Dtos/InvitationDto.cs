using Okr.Domain.Organizations;

namespace Okr.Application.Invitations.Dtos;

public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Revoked = 2,
    Expired = 3,
}

/// <summary>An invitation to join the organisation (the token is never shown again after it is created).</summary>
/// <param name="Version">The ETag: send it back in If-Match to revoke the invitation.</param>
public sealed record InvitationDto(
    Guid Id,
    long Version,
    string Email,
    OrganizationRole Role,
    InvitationStatus Status,
    Guid InvitedById,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    Guid? AcceptedByPersonId,
    DateTimeOffset? RevokedAt) : Common.IVersionedDto
{
    public static InvitationDto Of(Invitation invitation, DateTimeOffset now) => new(
        invitation.Id, invitation.Version, invitation.Email, invitation.Role, StatusOf(invitation, now), invitation.InvitedById,
        invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt, invitation.AcceptedByPersonId, invitation.RevokedAt);

    private static InvitationStatus StatusOf(Invitation invitation, DateTimeOffset now) =>
        invitation.AcceptedAt is not null ? InvitationStatus.Accepted
        : invitation.RevokedAt is not null ? InvitationStatus.Revoked
        : invitation.IsPending(now) ? InvitationStatus.Pending
        : InvitationStatus.Expired;
}
