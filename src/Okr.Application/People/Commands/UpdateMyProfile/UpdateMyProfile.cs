using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.People.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.People.Commands.UpdateMyProfile;

/// <summary>Changes how the caller is shown to colleagues. Any member, for themselves.</summary>
public sealed record UpdateMyProfile : ICommand<PersonDto>, IExpectVersion
{
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The caller's name as colleagues see it.</summary>
    public required string DisplayName { get; init; }
}

public sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfile>
{
    public UpdateMyProfileValidator() =>
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Give your display name.").MaximumLength(TextLimits.Name);
}

public sealed class UpdateMyProfileHandler(IOkrDbContext db, ICurrentUser user) : ICommandHandler<UpdateMyProfile, PersonDto>
{
    public async ValueTask<PersonDto> Handle(UpdateMyProfile command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var person = await db.People.FindOrNotFoundAsync(personId, "Person", cancellationToken);
        person.EnsureVersion(command.ExpectedVersion);
        person.Rename(command.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        return await person.ToDtoAsync(db, cancellationToken);
    }
}
