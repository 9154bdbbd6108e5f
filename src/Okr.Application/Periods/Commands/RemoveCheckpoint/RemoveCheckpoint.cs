using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;

namespace Okr.Application.Periods.Commands.RemoveCheckpoint;

/// <summary>Removes a checkpoint from the period's roadmap. Not once closed. Admins only.</summary>
public sealed record RemoveCheckpoint(Guid PeriodId, Guid CheckpointId, long? ExpectedVersion = null) : ICommand<PeriodDto>, IExpectVersion, IAdminRequest;

public sealed class RemoveCheckpointHandler(IOkrDbContext db) : ICommandHandler<RemoveCheckpoint, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(RemoveCheckpoint command, CancellationToken cancellationToken)
    {
        var period = await db.PeriodAsync(command.PeriodId, cancellationToken);
        if (period.Checkpoints.All(c => c.Id != command.CheckpointId))
            throw new NotFoundException("Checkpoint", command.CheckpointId);
        period.EnsureVersion(command.ExpectedVersion);
        period.RemoveCheckpoint(command.CheckpointId);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
