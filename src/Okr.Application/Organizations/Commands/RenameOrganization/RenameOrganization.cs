using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Organizations.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Organizations.Commands.RenameOrganization;

/// <summary>Renames the caller's organisation. Admins only.</summary>
public sealed record RenameOrganization : ICommand<OrganizationDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The organisation's new name.</summary>
    public required string Name { get; init; }
}

public sealed class RenameOrganizationValidator : AbstractValidator<RenameOrganization>
{
    public RenameOrganizationValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the organisation a name.").MaximumLength(TextLimits.Name);
}

public sealed class RenameOrganizationHandler(IOkrDbContext db) : ICommandHandler<RenameOrganization, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(RenameOrganization command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FindOrNotFoundAsync(command.Id, "Organization", cancellationToken);
        organization.EnsureVersion(command.ExpectedVersion);
        organization.Rename(command.Name);
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationDto.Of(organization);
    }
}
