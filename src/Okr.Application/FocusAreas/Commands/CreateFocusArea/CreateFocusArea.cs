using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.FocusAreas.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Periods;

namespace Okr.Application.FocusAreas.Commands.CreateFocusArea;

/// <summary>Creates a company-wide focus area for a period (usually the year). A handful only: the coach flags more than five. Admins only.</summary>
public sealed record CreateFocusArea : ICommand<FocusAreaDto>, IAdminRequest
{
    /// <summary>The period the focus area is set for, usually the year.</summary>
    public required Guid PeriodId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
}

public sealed class CreateFocusAreaValidator : AbstractValidator<CreateFocusArea>
{
    public CreateFocusAreaValidator()
    {
        RuleFor(c => c.PeriodId).NotEmpty().WithMessage("Choose the period.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the focus area a title.").MaximumLength(TextLimits.Title);
        RuleFor(c => c.Description).MaximumLength(TextLimits.LongText);
    }
}

public sealed class CreateFocusAreaHandler(IOkrDbContext db, ICurrentUser user) : ICommandHandler<CreateFocusArea, FocusAreaDto>
{
    public async ValueTask<FocusAreaDto> Handle(CreateFocusArea command, CancellationToken cancellationToken)
    {
        if (!await db.Periods.AnyAsync(p => p.Id == command.PeriodId, cancellationToken))
            throw Invalid.Field(nameof(command.PeriodId), "No such period in your organisation.");
        var area = new FocusArea(user.OrganizationId!.Value, command.PeriodId, command.Title, command.Description);
        db.FocusAreas.Add(area);
        await db.SaveChangesAsync(cancellationToken);
        return FocusAreaDto.Of(area);
    }
}
