using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Views;

/// <summary>The caller's organisation and its settings.</summary>
public sealed record OrganizationView(Guid Id, string Name, OrganizationSettings Settings);

/// <summary>Who is calling. <see cref="PersonId"/> is null for a signed-in user who has not joined an organisation yet.</summary>
public sealed record MeView(Guid UserId, string? Email, Guid? PersonId, Guid? OrganizationId, OrganizationRole? Role);

public sealed record PersonView(Guid Id, string DisplayName, string Email, OrganizationRole Role, bool IsActive);

public sealed record UnitMemberView(Guid UnitId, Guid PersonId, UnitRole Role);

public sealed record UnitView(Guid Id, string Name, UnitKind Kind, Guid? ParentId, IReadOnlyList<UnitMemberView> Members);

public sealed record CheckpointView(Guid Id, Guid PeriodId, string Name, DateOnly Date, bool Done);

public sealed record PeriodView(Guid Id, string Name, PeriodKind Kind, DateOnly Start, DateOnly End, PeriodState State, Guid? ParentId,
    IReadOnlyList<CheckpointView> Checkpoints)
{
    /// <summary>Midnight UTC of the first day.</summary>
    public DateTimeOffset StartsAt => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Midnight UTC after the last day.</summary>
    public DateTimeOffset EndsAt => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static PeriodView Of(Period period) => new(period.Id, period.Name, period.Kind, period.Start, period.End, period.State, period.ParentId,
        period.Checkpoints.OrderBy(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CheckpointView(c.Id, c.PeriodId, c.Name, c.Date, c.Done)).ToList());
}

public sealed record FocusAreaView(Guid Id, Guid PeriodId, string Title, string? Description, bool IsArchived);
