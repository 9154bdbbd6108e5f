using Okr.Domain.Common;

namespace Okr.Domain.Organizations;

public enum OrganizationRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>A user of an organisation. Linked to a sign-in identity by <see cref="UserId"/>.</summary>
public sealed class Person : TenantAggregate
{
    private Person() { DisplayName = Email = string.Empty; }

    public Person(Guid organizationId, Guid userId, string displayName, string email, OrganizationRole role)
        : base(organizationId)
    {
        Guard.NotEmpty(userId, nameof(userId));
        UserId = userId;
        DisplayName = Guard.Text(displayName, "Display name", TextLimits.Name);
        Email = EmailAddress.Normalize(email);
        Role = role;
        IsActive = true;
    }

    public Guid UserId { get; private set; }
    public string DisplayName { get; private set; }
    public string Email { get; private set; }
    public OrganizationRole Role { get; private set; }
    public bool IsActive { get; private set; }

    public bool IsAdmin => Role == OrganizationRole.Admin && IsActive;

    public void Rename(string displayName) => DisplayName = Guard.Text(displayName, "Display name", TextLimits.Name);

    public void ChangeRole(OrganizationRole role) => Role = role;

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}

public static class EmailAddress
{
    public static string Normalize(string? email)
    {
        var text = Guard.Text(email, "Email", TextLimits.Email);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Contains(' ', StringComparison.Ordinal))
            throw new DomainRuleException("validation.email", "Email must be a valid address such as name@example.com.");
        return text.ToLowerInvariant();
    }
}
