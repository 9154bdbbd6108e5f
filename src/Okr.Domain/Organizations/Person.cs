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
    /// <summary>The person's time zone (IANA id); none: the organisation's (<see cref="ReminderSettings.TimeZone"/>).</summary>
    public string? TimeZone { get; private set; }
    /// <summary>On holiday: no check-in reminders until this local date, inclusive.</summary>
    public DateOnly? RemindersPausedUntil { get; private set; }

    public bool IsAdmin => Role == OrganizationRole.Admin && IsActive;

    public void Rename(string displayName) => DisplayName = Guard.Text(displayName, "Display name", TextLimits.Name);

    /// <summary>
    /// Changes the organisation role. The organisation always keeps an active admin, so the last one cannot
    /// step down: <paramref name="activeAdmins"/> is how many active admins there are now, this person included.
    /// </summary>
    public void ChangeRole(OrganizationRole role, int activeAdmins)
    {
        if (IsAdmin && role != OrganizationRole.Admin)
            EnsureNotLastAdmin(activeAdmins);
        Role = role;
    }

    /// <summary>
    /// Takes the person's access away (their history stays). Nobody deactivates themselves, and the last active
    /// admin stays: <paramref name="activeAdmins"/> is how many active admins there are now.
    /// </summary>
    public void Deactivate(Guid deactivatedBy, int activeAdmins)
    {
        if (deactivatedBy == Id)
            throw new DomainRuleException("person.cannot_deactivate_self", "You cannot deactivate yourself; ask another admin.");
        if (IsAdmin)
            EnsureNotLastAdmin(activeAdmins);
        IsActive = false;
    }

    public void Reactivate() => IsActive = true;

    /// <summary>Sets the person's time zone (none: the organisation's) and their holiday pause (none: not paused).</summary>
    public void ChangeReminderPreferences(string? timeZone, DateOnly? pausedUntil)
    {
        if (timeZone is not null)
            TimeZones.Find(timeZone);
        TimeZone = timeZone;
        RemindersPausedUntil = pausedUntil;
    }

    private static void EnsureNotLastAdmin(int activeAdmins)
    {
        if (activeAdmins <= 1)
            throw new DomainRuleException("person.last_admin", "This is the organisation's last active admin: make someone else an admin first.");
    }
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
