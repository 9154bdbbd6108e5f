using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okr.Application.Common.Interfaces;
using Okr.Application.Messaging;
using Okr.Domain.Notifications;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Reminders;
using Okr.Domain.Units;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Reminders;

/// <summary>
/// One pass of check-in reminders at the product clock's now (ADR 0025): for each organisation with reminders on, each
/// active person whose cycle's day and hour have come (in their zone, unless on holiday) gets ONE message listing all
/// their due key results (owned by them, or unowned in units they lead; active objectives in active periods; no
/// check-in since the previous cycle started), the nudge a day later if still due, and the units' leads hear of key
/// results past the missed cycles the organisation set. Each message is written with its <see cref="ReminderDelivery"/>
/// in one save; the delivery's unique key refuses a second one, whoever writes it.
/// </summary>
public sealed partial class CheckInReminderRun(IServiceScopeFactory scopes, IClock clock, IAppLinks links, ILogger<CheckInReminderRun> logger)
{
    /// <summary>Runs a pass; answers how many reminders (nudges, escalations) it wrote, by email or in the app only.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            organizations = await db.Organizations.IgnoreQueryFilters([OkrDbContext.TenantFilter])
                .Where(o => o.Reminders.Enabled).Select(o => o.Id).ToListAsync(cancellationToken);
        }
        var written = 0;
        foreach (var organizationId in organizations)
            written += await RunForAsync(organizationId, now, cancellationToken);
        return written;
    }

    private sealed record Candidate(Guid Id, string Title, string ObjectiveTitle, Guid? OwnerId, Guid OwningUnitId,
        DateTimeOffset? LastCheckInAt, DateTimeOffset? ActivatedAt, DateOnly PeriodStart);

    private async Task<int> RunForAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        var settings = organization.Reminders;
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
        var leads = await db.UnitMemberships.AsNoTracking().Where(m => m.Role == UnitRole.Lead)
            .Select(m => new { m.UnitId, m.PersonId }).ToListAsync(cancellationToken);
        var candidates = await (
                from k in db.KeyResults
                join o in db.Objectives on k.ObjectiveId equals o.Id
                join p in db.Periods on o.PeriodId equals p.Id
                where o.State == ObjectiveState.Active && p.State == PeriodState.Active
                select new Candidate(k.Id, k.Title, o.Title, k.OwnerId, k.OwningUnitId, k.LastCheckInAt, o.ActivatedAt, p.Start))
            .AsNoTracking().ToListAsync(cancellationToken);
        var earliestCycle = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-9);
        var sent = (await db.ReminderDeliveries.AsNoTracking().Where(d => d.Cycle >= earliestCycle)
                .Select(d => new { d.RecipientId, d.SubjectPersonId, d.Cycle, d.Kind }).ToListAsync(cancellationToken))
            .Select(d => (d.RecipientId, d.SubjectPersonId, d.Cycle, d.Kind)).ToHashSet();
        var peopleById = people.ToDictionary(p => p.Id);
        // Reminder emails go unless the person turned them off (ADR 0028); their inbox hears of each reminder either way,
        // as their preference for it in the app says.
        var noEmail = (await db.NotificationPreferences.AsNoTracking().Where(p => p.Kind == NotificationKind.Reminder && !p.Email)
            .Select(p => p.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var myWeek = links.Spa("/my-week");
        var preferences = links.Spa("/settings#reminder-preferences");

        var written = 0;
        foreach (var person in people)
        {
            var zone = TimeZones.IsKnown(person.TimeZone) ? TimeZones.Find(person.TimeZone) : TimeZones.Find(settings.TimeZone);
            if (ReminderRules.IsPaused(person.RemindersPausedUntil, now, zone))
                continue;
            var cycle = ReminderRules.CurrentCycle(now, zone, settings.DayOfWeek, settings.Hour);
            var kind = ReminderRules.ToSend(now, cycle, settings.SecondNudge,
                sent.Contains((person.Id, person.Id, cycle.Date, ReminderKind.Reminder)),
                sent.Contains((person.Id, person.Id, cycle.Date, ReminderKind.SecondNudge)));
            if (kind is not { } toSend)
                continue;
            var led = leads.Where(l => l.PersonId == person.Id).Select(l => l.UnitId).ToHashSet();
            var due = candidates
                .Where(k => k.OwnerId == person.Id || (k.OwnerId is null && led.Contains(k.OwningUnitId)))
                .Where(k => ReminderRules.IsDue(k.LastCheckInAt, cycle))
                .OrderBy(k => k.ObjectiveTitle).ThenBy(k => k.Title)
                .ToList();
            if (due.Count == 0)
                continue;

            var message = noEmail.Contains(person.Id) ? null : Emails.CheckInReminder(person, organization.Name, due.Select(Describe).ToList(),
                nudge: toSend == ReminderKind.SecondNudge, myWeek, preferences, now);
            if (message is not null)
                db.OutboxMessages.Add(message);
            db.ReminderDeliveries.Add(new ReminderDelivery(organizationId, person.Id, person.Id, cycle.Date, toSend, message?.Id, due.Count, now));
            var messages = 1;

            if (toSend == ReminderKind.Reminder)
            {
                var late = due.Where(k => ReminderRules.Escalates(
                    ReminderRules.MissedCycles(k.LastCheckInAt, k.ActivatedAt ?? new DateTimeOffset(k.PeriodStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cycle),
                    settings.EscalateAfterMissedCycles));
                foreach (var toLead in late
                             .SelectMany(k => leads.Where(l => l.UnitId == k.OwningUnitId && l.PersonId != person.Id).Select(l => (Lead: l.PersonId, KeyResult: k)))
                             .GroupBy(x => x.Lead))
                {
                    if (!peopleById.TryGetValue(toLead.Key, out var lead) || sent.Contains((lead.Id, person.Id, cycle.Date, ReminderKind.Escalation)))
                        continue;
                    var lateTitles = toLead.Select(x => Describe(x.KeyResult)).Distinct().ToList();
                    var escalation = noEmail.Contains(lead.Id) ? null
                        : Emails.CheckInEscalation(lead, person, organization.Name, lateTitles, settings.EscalateAfterMissedCycles, myWeek, preferences, now);
                    if (escalation is not null)
                        db.OutboxMessages.Add(escalation);
                    db.ReminderDeliveries.Add(new ReminderDelivery(organizationId, lead.Id, person.Id, cycle.Date, ReminderKind.Escalation, escalation?.Id,
                        lateTitles.Count, now));
                    messages++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written += messages;
            }
            catch (DbUpdateException ex)
            {
                // Another replica (or an earlier try) wrote this person's reminder first: the unique key kept it single.
                LogAlreadySent(logger, person.Id, cycle.Date, ex.InnerException?.Message ?? ex.Message);
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }

    private static string Describe(Candidate keyResult) => $"{keyResult.Title} ({keyResult.ObjectiveTitle})";

    [LoggerMessage(Level = LogLevel.Information, Message = "The reminder to person {PersonId} for the cycle of {Cycle} was already written: {Reason}")]
    private static partial void LogAlreadySent(ILogger logger, Guid personId, DateOnly cycle, string reason);
}
