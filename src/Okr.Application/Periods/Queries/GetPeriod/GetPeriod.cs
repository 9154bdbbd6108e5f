using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Periods.Dtos;

namespace Okr.Application.Periods.Queries.GetPeriod;

/// <summary>One period with its checkpoints. Any member.</summary>
public sealed record GetPeriod(Guid Id) : IQuery<PeriodDto>;

public sealed class GetPeriodHandler(IOkrDbContext db) : IQueryHandler<GetPeriod, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(GetPeriod query, CancellationToken cancellationToken) =>
        PeriodDto.Of(await db.PeriodAsync(query.Id, cancellationToken));
}
