using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Periods.Commands.EditCheckpoint;

/// <summary>Renames a checkpoint and moves its date. Not once the period is closed. Admins only.</summary>
public sealed record EditCheckpoint : ICommand<PeriodDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid PeriodId { get; init; }
    [JsonIgnore] public Guid CheckpointId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Name { get; init; }
    public required DateOnly Date { get; init; }
}

public sealed class EditCheckpointValidator : AbstractValidator<EditCheckpoint>
{
    public EditCheckpointValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the checkpoint a name.").MaximumLength(TextLimits.Name);
}

public sealed class EditCheckpointHandler(IOkrDbContext db) : ICommandHandler<EditCheckpoint, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(EditCheckpoint command, CancellationToken cancellationToken)
    {
        var period = await db.PeriodAsync(command.PeriodId, cancellationToken);
        if (period.Checkpoints.All(c => c.Id != command.CheckpointId))
            throw new NotFoundException("Checkpoint", command.CheckpointId);
        period.EnsureVersion(command.ExpectedVersion);
        period.EditCheckpoint(command.CheckpointId, command.Name, command.Date);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
