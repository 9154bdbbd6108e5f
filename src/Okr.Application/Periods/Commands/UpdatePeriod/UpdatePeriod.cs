using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Periods.Commands.UpdatePeriod;

/// <summary>Renames a period and changes its dates (inside its year; a year keeps its quarters inside it). Not once closed. Admins only.</summary>
public sealed record UpdatePeriod : ICommand<PeriodDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Name { get; init; }
    /// <summary>The first day (inclusive).</summary>
    public required DateOnly Start { get; init; }
    /// <summary>The last day (inclusive).</summary>
    public required DateOnly End { get; init; }
}

public sealed class UpdatePeriodValidator : AbstractValidator<UpdatePeriod>
{
    public UpdatePeriodValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the period a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.End).GreaterThanOrEqualTo(c => c.Start).WithMessage("The period must end on or after its start.");
    }
}

public sealed class UpdatePeriodHandler(IOkrDbContext db) : ICommandHandler<UpdatePeriod, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(UpdatePeriod command, CancellationToken cancellationToken)
    {
        var period = await db.PeriodAsync(command.Id, cancellationToken);
        period.EnsureVersion(command.ExpectedVersion);
        var parent = period.ParentId is { } parentId ? await db.PeriodAsync(parentId, cancellationToken) : null;
        var children = await db.Periods.Where(p => p.ParentId == period.Id).ToListAsync(cancellationToken);

        period.Rename(command.Name);
        period.ChangeDates(command.Start, command.End, parent, children);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
