using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Periods;

namespace Okr.Application.Periods.Commands.CreatePeriod;

/// <summary>Creates a planning cycle: a year, a quarter inside a year, or a custom range. It starts in planning. Admins only.</summary>
public sealed record CreatePeriod : ICommand<PeriodDto>, IAdminRequest
{
    /// <summary>"Q3 2026", "FY2026".</summary>
    public required string Name { get; init; }
    public required PeriodKind Kind { get; init; }
    /// <summary>The first day (inclusive).</summary>
    public required DateOnly Start { get; init; }
    /// <summary>The last day (inclusive).</summary>
    public required DateOnly End { get; init; }
    /// <summary>The year a quarter or custom period sits in (a year has no parent).</summary>
    public Guid? ParentId { get; init; }
    /// <summary>Adds the practice's roadmap: company OKRs published, team drafts due, alignment review, mid-quarter review, grading due, retrospective. Steps whose day has already passed are left out (none is born overdue).</summary>
    public bool AddDefaultRoadmap { get; init; }
}

public sealed class CreatePeriodValidator : AbstractValidator<CreatePeriod>
{
    public CreatePeriodValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the period a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.End).GreaterThanOrEqualTo(c => c.Start).WithMessage("The period must end on or after its start.");
        RuleFor(c => c.ParentId).Null().When(c => c.Kind == PeriodKind.Year).WithMessage("A year does not sit inside another period.");
    }
}

public sealed class CreatePeriodHandler(IOkrDbContext db, ICurrentUser user, IClock clock) : ICommandHandler<CreatePeriod, PeriodDto>
{
    public async ValueTask<PeriodDto> Handle(CreatePeriod command, CancellationToken cancellationToken)
    {
        Period? parent = null;
        if (command.ParentId is { } parentId)
            parent = await db.Periods.FirstOrDefaultAsync(p => p.Id == parentId, cancellationToken)
                ?? throw Invalid.Field(nameof(command.ParentId), "No such period in your organisation.");

        var period = new Period(user.OrganizationId!.Value, command.Name, command.Kind, command.Start, command.End, parent);
        if (command.AddDefaultRoadmap)
            period.AddDefaultRoadmap(clock.Today);
        db.Periods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        return PeriodDto.Of(period);
    }
}
