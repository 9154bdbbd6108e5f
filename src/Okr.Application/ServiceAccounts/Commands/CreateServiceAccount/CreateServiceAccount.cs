using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.ServiceAccounts.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Application.ServiceAccounts.Commands.CreateServiceAccount;

/// <summary>
/// Creates a service account: a member of the organisation that integrations act as, with a scope (read only; check-in
/// writer on a unit's subtree; admin). It has no keys yet: make one with CreateApiKey. Admins only.
/// </summary>
public sealed record CreateServiceAccount : ICommand<ServiceAccountDto>, IAdminRequest
{
    /// <summary>Who it is, as the history shows it (e.g. "Jira sync").</summary>
    public required string Name { get; init; }
    public required ServiceAccountScope Scope { get; init; }
    /// <summary>For a check-in writer: the unit whose subtree it records check-ins in. Not allowed for the other scopes.</summary>
    public Guid? UnitId { get; init; }
}

public sealed class CreateServiceAccountValidator : AbstractValidator<CreateServiceAccount>
{
    public CreateServiceAccountValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the service account a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.UnitId).NotNull().When(c => c.Scope == ServiceAccountScope.CheckInWriter)
            .WithMessage("A check-in writer needs the unit whose subtree it writes to.");
        RuleFor(c => c.UnitId).Null().When(c => c.Scope != ServiceAccountScope.CheckInWriter)
            .WithMessage("Only a check-in writer is limited to a unit.");
    }
}

public sealed class CreateServiceAccountHandler(IOkrDbContext db, ICurrentUser user, IAccounts accounts, IClock clock)
    : ICommandHandler<CreateServiceAccount, ServiceAccountDto>
{
    public async ValueTask<ServiceAccountDto> Handle(CreateServiceAccount command, CancellationToken cancellationToken)
    {
        var organizationId = user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation.");
        if (command.UnitId is { } unitId)
            await db.OrgUnits.FindOrNotFoundAsync(unitId, "Unit", cancellationToken);

        // The member it acts as: an identity no password opens, and an address that cannot receive mail (RFC 2606).
        var id = Guid.CreateVersion7();
        var email = $"service-{id:N}@service-accounts.invalid";
        var userId = accounts.AddServiceAccountUser(email);
        var scope = command.Scope;
        var person = new Person(organizationId, userId, command.Name.Trim(), email,
            scope == ServiceAccountScope.Admin ? OrganizationRole.Admin : OrganizationRole.Member);
        db.People.Add(person);
        var account = new ServiceAccount(organizationId, person.Id, command.Name.Trim(), scope, command.UnitId, user.PersonId!.Value, clock.UtcNow);
        db.ServiceAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account.ToDto([]);
    }
}
