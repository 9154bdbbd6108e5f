using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Organizations.Dtos;

namespace Okr.Application.Organizations.Queries.GetOrganization;

/// <summary>The caller's own organisation with its settings; any other id is not found.</summary>
public sealed record GetOrganization(Guid Id) : IQuery<OrganizationDto>;

public sealed class GetOrganizationHandler(IOkrDbContext db) : IQueryHandler<GetOrganization, OrganizationDto>
{
    // The tenant filter leaves only the caller's organisation visible.
    public async ValueTask<OrganizationDto> Handle(GetOrganization query, CancellationToken cancellationToken) =>
        OrganizationDto.Of(await db.Organizations.FindOrNotFoundAsync(query.Id, "Organization", cancellationToken));
}
