using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Kpis.Dtos;

namespace Okr.Application.Kpis.Queries.GetKpi;

/// <summary>One KPI with its latest values, for a tool's read-modify-write (lists and full histories are on GraphQL).</summary>
public sealed record GetKpi(Guid Id) : IQuery<KpiDto>;

/// <summary>One recorded value of a KPI.</summary>
public sealed record GetKpiValue(Guid KpiId, Guid ValueId) : IQuery<KpiValueDto>;

public sealed class GetKpiHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetKpi, KpiDto>, IQueryHandler<GetKpiValue, KpiValueDto>
{
    public async ValueTask<KpiDto> Handle(GetKpi query, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var kpi = await db.Kpis.AsNoTracking().FindOrNotFoundAsync(query.Id, "Kpi", cancellationToken);
        return await kpi.ToDtoAsync(db, policy, cancellationToken);
    }

    public async ValueTask<KpiValueDto> Handle(GetKpiValue query, CancellationToken cancellationToken)
    {
        var kpi = await db.Kpis.AsNoTracking().FindOrNotFoundAsync(query.KpiId, "Kpi", cancellationToken);
        var value = await db.KpiValues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.ValueId && v.KpiId == kpi.Id, cancellationToken)
            ?? throw new NotFoundException("KpiValue", query.ValueId);
        return KpiValueDto.Of(value, kpi);
    }
}
