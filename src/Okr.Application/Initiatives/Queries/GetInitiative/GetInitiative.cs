using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Initiatives.Dtos;

namespace Okr.Application.Initiatives.Queries.GetInitiative;

/// <summary>One initiative, for a tool's read-modify-write (lists are on GraphQL).</summary>
public sealed record GetInitiative(Guid Id) : IQuery<InitiativeDto>;

public sealed class GetInitiativeHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetInitiative, InitiativeDto>
{
    public async ValueTask<InitiativeDto> Handle(GetInitiative query, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var initiative = await db.Initiatives.FindOrNotFoundAsync(query.Id, "Initiative", cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }
}
