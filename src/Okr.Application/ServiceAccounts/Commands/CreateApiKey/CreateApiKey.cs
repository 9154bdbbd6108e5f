using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.ServiceAccounts.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Application.ServiceAccounts.Commands.CreateApiKey;

/// <summary>
/// Makes an API key for a service account. The answer carries the whole key once; only a hash of its secret is stored,
/// so it cannot be shown again (make another and revoke this one if it is lost). Admins only.
/// </summary>
public sealed record CreateApiKey : ICommand<ApiKeyCreated>, IAdminRequest
{
    [JsonIgnore] public Guid ServiceAccountId { get; init; }
    /// <summary>What the key is for (e.g. "production sync"), as lists show it.</summary>
    public required string Name { get; init; }
    /// <summary>When the key stops working; none: until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator(IClock clock)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.ExpiresAt).Must(e => e is null || e > clock.UtcNow).WithMessage("The expiry must be in the future.");
    }
}

public sealed class CreateApiKeyHandler(IOkrDbContext db, IClock clock) : ICommandHandler<CreateApiKey, ApiKeyCreated>
{
    public async ValueTask<ApiKeyCreated> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var account = await db.ServiceAccounts.FindOrNotFoundAsync(command.ServiceAccountId, "ServiceAccount", cancellationToken);
        if (!account.IsEnabled)
            throw new DomainRuleException("service_account.disabled", "This service account is disabled: it can have no new keys.");
        var (publicId, secret, key) = ApiKeySecrets.NewKey();
        var apiKey = new ApiKey(account.OrganizationId, account.Id, publicId, ApiKeySecrets.Hash(secret), command.Name.Trim(), clock.UtcNow, command.ExpiresAt);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreated(apiKey.Id, account.Id, apiKey.Name, publicId, apiKey.CreatedAt, apiKey.ExpiresAt, key);
    }
}
