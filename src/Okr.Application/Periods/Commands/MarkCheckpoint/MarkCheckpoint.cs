using System.Text.Json.Serialization;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;

namespace Okr.Application.Periods.Commands.MarkCheckpoint;

/// <summary>
/// Marks a checkpoint done (or not done). Admins and the leads of any unit can: leads run the cycle's steps
/// ("team drafts due", "grading due"). Allowed after close too: the retrospective falls after the period's end.
/// </summary>
public sealed record MarkCheckpoint : ICommand<PeriodDto>, IExpectVersion
{
    [JsonIgnore] public Guid PeriodId { get; init; }
    [JsonIgnore] public Guid CheckpointId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required bool Done { get; init; }
}

public sealed class MarkCheckpointHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<MarkCheckpoint, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(MarkCheckpoint command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var period = await db.PeriodAsync(command.PeriodId, cancellationToken);
        if (period.Checkpoints.All(c => c.Id != command.CheckpointId))
            throw new NotFoundException("Checkpoint", command.CheckpointId);
        if (!policy.LeadsAnyUnit)
            throw new ForbiddenException("Admins and unit leads mark checkpoints done.");
        period.EnsureVersion(command.ExpectedVersion);
        period.MarkCheckpoint(command.CheckpointId, command.Done);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
