using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.FocusAreas.Dtos;

namespace Okr.Application.FocusAreas.Queries.GetFocusArea;

/// <summary>One focus area. Any member.</summary>
public sealed record GetFocusArea(Guid Id) : IQuery<FocusAreaDto>;

public sealed class GetFocusAreaHandler(IOkrDbContext db) : IQueryHandler<GetFocusArea, FocusAreaDto>
{
    public async ValueTask<FocusAreaDto> Handle(GetFocusArea query, CancellationToken cancellationToken) =>
        FocusAreaDto.Of(await db.FocusAreas.FindOrNotFoundAsync(query.Id, "FocusArea", cancellationToken));
}
