using Mediator;
using Okr.Application.Common.Interfaces;
using Okr.Application.OrgUnits.Dtos;

namespace Okr.Application.OrgUnits.Queries.GetOrgUnit;

/// <summary>One unit of the organisation tree with its members (the tree itself is on GraphQL).</summary>
public sealed record GetOrgUnit(Guid Id) : IQuery<OrgUnitDto>;

public sealed class GetOrgUnitHandler(IOkrDbContext db) : IQueryHandler<GetOrgUnit, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(GetOrgUnit query, CancellationToken cancellationToken) =>
        await (await db.UnitAsync(query.Id, cancellationToken)).ToDtoAsync(db, cancellationToken);
}
