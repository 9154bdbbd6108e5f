using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;

namespace Okr.Application.Objectives.Queries.GetObjective;

/// <summary>One objective with its key results, for a tool's read-modify-write (lists and rollups are on GraphQL).</summary>
public sealed record GetObjective(Guid Id) : IQuery<ObjectiveDto>;

public sealed class GetObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetObjective, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(GetObjective query, CancellationToken cancellationToken) =>
        (await db.VisibleObjectiveAsync(query.Id, await access.GetAsync(cancellationToken), cancellationToken)).ToDto();
}
