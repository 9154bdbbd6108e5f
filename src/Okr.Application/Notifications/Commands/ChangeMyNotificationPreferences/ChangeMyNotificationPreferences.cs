using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Notifications.Queries.GetMyNotificationPreferences;
using Okr.Domain.Notifications;

namespace Okr.Application.Notifications.Commands.ChangeMyNotificationPreferences;

/// <summary>
/// Sets where kinds of notification reach the caller (ADR 0028): in the app, by email, both or neither. Kinds left out
/// keep what they had. Answers the preferences of every kind.
/// </summary>
public sealed record ChangeMyNotificationPreferences : ICommand<IReadOnlyList<NotificationPreferenceView>>
{
    /// <summary>One entry per kind to change; a kind at most once.</summary>
    public required IReadOnlyList<NotificationPreferenceChoice> Preferences { get; init; }
}

/// <summary>Where one kind of notification reaches the caller.</summary>
public sealed record NotificationPreferenceChoice
{
    public required NotificationKind Kind { get; init; }
    /// <summary>In the app's inbox (the bell).</summary>
    public required bool InApp { get; init; }
    /// <summary>By email.</summary>
    public required bool Email { get; init; }
}

public sealed class ChangeMyNotificationPreferencesValidator : AbstractValidator<ChangeMyNotificationPreferences>
{
    public ChangeMyNotificationPreferencesValidator()
    {
        RuleFor(c => c.Preferences).NotNull().WithMessage("Give the preferences to change.")
            .Must(p => p is null || p.Any(x => x is null) || p.Select(x => x.Kind).Distinct().Count() == p.Count).WithMessage("Give each kind at most once.")
            .Must(p => p is null || p.Count <= Enum.GetValues<NotificationKind>().Length).WithMessage("Give each kind at most once.");
        RuleForEach(c => c.Preferences).NotNull().WithMessage("A preference may not be null.");
        RuleForEach(c => c.Preferences).ChildRules(p => p.RuleFor(x => x.Kind).IsInEnum().WithMessage("Not a kind of notification."));
    }
}

public sealed class ChangeMyNotificationPreferencesHandler(IOkrDbContext db, ICurrentUser user)
    : ICommandHandler<ChangeMyNotificationPreferences, IReadOnlyList<NotificationPreferenceView>>
{
    public async ValueTask<IReadOnlyList<NotificationPreferenceView>> Handle(ChangeMyNotificationPreferences command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var existing = await db.NotificationPreferences.Where(p => p.PersonId == personId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in command.Preferences)
        {
            if (existing.TryGetValue(choice.Kind, out var preference))
                preference.Change(choice.InApp, choice.Email);
            else
                db.NotificationPreferences.Add(new NotificationPreference(user.OrganizationId!.Value, personId, choice.Kind, choice.InApp, choice.Email));
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetMyNotificationPreferencesHandler.ReadAsync(db, personId, cancellationToken);
    }
}
