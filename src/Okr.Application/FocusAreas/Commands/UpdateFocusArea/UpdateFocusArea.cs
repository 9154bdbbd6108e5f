using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.FocusAreas.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.FocusAreas.Commands.UpdateFocusArea;

/// <summary>Rewrites a focus area's title and description. Admins only.</summary>
public sealed record UpdateFocusArea : ICommand<FocusAreaDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
}

public sealed class UpdateFocusAreaValidator : AbstractValidator<UpdateFocusArea>
{
    public UpdateFocusAreaValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the focus area a title.").MaximumLength(TextLimits.Title);
        RuleFor(c => c.Description).MaximumLength(TextLimits.LongText);
    }
}

public sealed class UpdateFocusAreaHandler(IOkrDbContext db) : ICommandHandler<UpdateFocusArea, FocusAreaDto>
{
    public async ValueTask<FocusAreaDto> Handle(UpdateFocusArea command, CancellationToken cancellationToken)
    {
        var area = await db.FocusAreas.FindOrNotFoundAsync(command.Id, "FocusArea", cancellationToken);
        area.EnsureVersion(command.ExpectedVersion);
        area.Edit(command.Title, command.Description);
        await db.SaveChangesAsync(cancellationToken);
        return FocusAreaDto.Of(area);
    }
}
