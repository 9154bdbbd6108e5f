using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Periods.Commands.AddCheckpoint;

/// <summary>Adds a dated milestone to the period's roadmap. Not once closed. Admins only.</summary>
public sealed record AddCheckpoint : ICommand<CheckpointAdded>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid PeriodId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>"Team drafts due", "Mid-quarter review", …</summary>
    public required string Name { get; init; }
    public required DateOnly Date { get; init; }
}

/// <summary>The period with its new checkpoint.</summary>
public sealed record CheckpointAdded(Guid CheckpointId, PeriodDto Period);

public sealed class AddCheckpointValidator : AbstractValidator<AddCheckpoint>
{
    public AddCheckpointValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the checkpoint a name.").MaximumLength(TextLimits.Name);
}

public sealed class AddCheckpointHandler(IOkrDbContext db) : ICommandHandler<AddCheckpoint, CheckpointAdded>
{
    public async ValueTask<CheckpointAdded> Handle(AddCheckpoint command, CancellationToken cancellationToken)
    {
        var period = await db.PeriodAsync(command.PeriodId, cancellationToken);
        period.EnsureVersion(command.ExpectedVersion);
        var checkpoint = period.AddCheckpoint(command.Name, command.Date);
        db.Checkpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new CheckpointAdded(checkpoint.Id, PeriodDto.Of(period));
    }
}
