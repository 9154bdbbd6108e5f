using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;

namespace Okr.Application.KeyResults.Queries.GetKeyResult;

/// <summary>One key result, for a tool's read-modify-write.</summary>
public sealed record GetKeyResult(Guid Id) : IQuery<KeyResultDto>;

/// <summary>One check-in.</summary>
public sealed record GetCheckIn(Guid Id) : IQuery<CheckInDto>;

public sealed class GetKeyResultHandler(IOkrDbContext db, AccessPolicyProvider access)
    : IQueryHandler<GetKeyResult, KeyResultDto>, IQueryHandler<GetCheckIn, CheckInDto>
{
    public async ValueTask<KeyResultDto> Handle(GetKeyResult query, CancellationToken cancellationToken) =>
        (await db.VisibleKeyResultAsync(query.Id, await access.GetAsync(cancellationToken), cancellationToken)).KeyResult.ToDto();

    public async ValueTask<CheckInDto> Handle(GetCheckIn query, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("CheckIn", query.Id);
        try
        {
            await db.VisibleKeyResultAsync(checkIn.KeyResultId, await access.GetAsync(cancellationToken), cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("CheckIn", query.Id);
        }
        return checkIn.ToDto();
    }
}
