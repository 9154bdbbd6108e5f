using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.People.Dtos;

namespace Okr.Application.People.Queries.GetPerson;

/// <summary>One person of the caller's organisation, with their units.</summary>
public sealed record GetPerson(Guid Id) : IQuery<PersonDto>;

public sealed class GetPersonHandler(IOkrDbContext db) : IQueryHandler<GetPerson, PersonDto>
{
    public async ValueTask<PersonDto> Handle(GetPerson query, CancellationToken cancellationToken) =>
        await (await db.People.FindOrNotFoundAsync(query.Id, "Person", cancellationToken)).ToDtoAsync(db, cancellationToken);
}
