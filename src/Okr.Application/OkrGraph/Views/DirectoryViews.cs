using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Views;

/// <summary>The caller's organisation and its settings.</summary>
/// <param name="Version">The REST ETag of the organisation (settings, name).</param>
/// <param name="Reminders">The check-in reminders' settings (ADR 0025).</param>
public sealed record OrganizationView(Guid Id, long Version, string Name, OrganizationSettings Settings, ReminderSettings Reminders);

/// <summary>The caller's own reminder preferences (ADR 0025): their time zone (none: the organisation's) and holiday pause.</summary>
/// <param name="Version">The REST ETag of the caller's person: send it in If-Match to change the preferences.</param>
public sealed record ReminderPreferencesView(Guid PersonId, long Version, string? TimeZone, DateOnly? RemindersPausedUntil);

/// <summary>Who is calling. <see cref="PersonId"/> is null for a signed-in user who has not joined an organisation yet.</summary>
public sealed record MeView(Guid UserId, string? Email, Guid? PersonId, Guid? OrganizationId, OrganizationRole? Role);

/// <param name="Version">The REST ETag of the person (role, activity).</param>
public sealed record PersonView(Guid Id, long Version, string DisplayName, string Email, OrganizationRole Role, bool IsActive);

public enum InvitationState
{
    Pending = 0,
    Accepted = 1,
    Revoked = 2,
    Expired = 3,
}

/// <summary>An invitation as an admin reviews it (the token is never shown again).</summary>
public sealed record InvitationView(Guid Id, long Version, string Email, OrganizationRole Role, InvitationState State, Guid InvitedById,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, Guid? AcceptedByPersonId, DateTimeOffset? RevokedAt);

public sealed record UnitMemberView(Guid UnitId, Guid PersonId, UnitRole Role);

/// <param name="Version">The REST ETag of the unit (name, kind, parent, members).</param>
public sealed record UnitView(Guid Id, long Version, string Name, UnitKind Kind, Guid? ParentId, IReadOnlyList<UnitMemberView> Members);

public sealed record CheckpointView(Guid Id, Guid PeriodId, string Name, DateOnly Date, bool Done);

/// <param name="Version">The REST ETag of the period (dates, state, checkpoints).</param>
public sealed record PeriodView(Guid Id, long Version, string Name, PeriodKind Kind, DateOnly Start, DateOnly End, PeriodState State, Guid? ParentId,
    IReadOnlyList<CheckpointView> Checkpoints)
{
    /// <summary>Midnight UTC of the first day.</summary>
    public DateTimeOffset StartsAt => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Midnight UTC after the last day.</summary>
    public DateTimeOffset EndsAt => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static PeriodView Of(Period period) => new(period.Id, period.Version, period.Name, period.Kind, period.Start, period.End, period.State, period.ParentId,
        period.Checkpoints.OrderBy(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CheckpointView(c.Id, c.PeriodId, c.Name, c.Date, c.Done)).ToList());
}

public sealed record FocusAreaView(Guid Id, Guid PeriodId, string Title, string? Description, bool IsArchived);
