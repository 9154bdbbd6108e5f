using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Invitations.Dtos;

namespace Okr.Application.Invitations.Queries.GetInvitation;

/// <summary>One invitation of the caller's organisation and where it stands. Admins only.</summary>
public sealed record GetInvitation(Guid Id) : IQuery<InvitationDto>, IAdminRequest;

public sealed class GetInvitationHandler(IOkrDbContext db, IClock clock) : IQueryHandler<GetInvitation, InvitationDto>
{
    public async ValueTask<InvitationDto> Handle(GetInvitation query, CancellationToken cancellationToken) =>
        InvitationDto.Of(await db.Invitations.FindOrNotFoundAsync(query.Id, "Invitation", cancellationToken), clock.UtcNow);
}
