using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Common;
using Okr.Domain.Periods;

namespace Okr.Application.OkrGraph.Queries.Directory;

/// <summary>Who is calling; answers for a signed-in user who has not joined an organisation yet, too.</summary>
public sealed record GetMe : IQuery<MeView>, IUserRequest;

/// <summary>The caller's own reminder preferences (time zone, holiday pause).</summary>
public sealed record GetMyReminderPreferences : IQuery<ReminderPreferencesView>;

/// <summary>The caller's organisation with its settings.</summary>
public sealed record GetOrganization : IQuery<OrganizationView>;

/// <summary>The organisation's periods, optionally of one kind or state.</summary>
public sealed record ListPeriods(PeriodKind? Kind = null, PeriodState? State = null) : IQuery<IReadOnlyList<PeriodView>>;

public sealed record GetPeriod(Guid Id) : IQuery<PeriodView>;

/// <summary>The whole period directory (for the batch loader: one request, one load).</summary>
public sealed record GetPeriodDirectory : IQuery<PeriodDirectory>;

/// <summary>The root units, or the children of a unit.</summary>
public sealed record ListOrgUnits(Guid? ParentId = null) : IQuery<IReadOnlyList<UnitView>>;

public sealed record GetOrgUnit(Guid Id) : IQuery<UnitView>;

/// <summary>The whole unit tree (for the batch loader).</summary>
public sealed record GetUnitDirectory : IQuery<UnitDirectory>;

/// <summary>Units by id (batch), without reading the whole tree; missing ids are left out.</summary>
public sealed record GetUnitsById(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, UnitView>>;

/// <summary>The organisation's people, by name; deactivated ones on request.</summary>
public sealed record ListPeople(bool IncludeInactive = false, string? Search = null) : IQuery<IReadOnlyList<PersonView>>;

public sealed class ListPeopleValidator : AbstractValidator<ListPeople>
{
    public ListPeopleValidator() => RuleFor(q => q.Search).MaximumLength(TextLimits.Email).WithMessage($"search is at most {TextLimits.Email} characters.");
}

/// <summary>The organisation's invitations, newest first (admins only: they hold email addresses of people not yet in).</summary>
public sealed record ListInvitations(bool PendingOnly = false) : IQuery<IReadOnlyList<InvitationView>>, IAdminRequest;

/// <summary>People by id (batch).</summary>
public sealed record GetPeople(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, PersonView>>;

/// <summary>Focus areas by id (batch).</summary>
public sealed record GetFocusAreas(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, FocusAreaView>>;

/// <summary>The focus areas of each period (batch).</summary>
public sealed record GetPeriodFocusAreas(IReadOnlyCollection<Guid> PeriodIds) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<FocusAreaView>>>;

public sealed class DirectoryHandler(IOkrDbContext db, ICurrentUser user, OkrReadModel reads, IClock clock) :
    IQueryHandler<GetMe, MeView>,
    IQueryHandler<GetOrganization, OrganizationView>,
    IQueryHandler<GetMyReminderPreferences, ReminderPreferencesView>,
    IQueryHandler<ListPeriods, IReadOnlyList<PeriodView>>,
    IQueryHandler<GetPeriod, PeriodView>,
    IQueryHandler<GetPeriodDirectory, PeriodDirectory>,
    IQueryHandler<ListOrgUnits, IReadOnlyList<UnitView>>,
    IQueryHandler<GetOrgUnit, UnitView>,
    IQueryHandler<GetUnitDirectory, UnitDirectory>,
    IQueryHandler<GetUnitsById, IReadOnlyDictionary<Guid, UnitView>>,
    IQueryHandler<GetPeople, IReadOnlyDictionary<Guid, PersonView>>,
    IQueryHandler<ListPeople, IReadOnlyList<PersonView>>,
    IQueryHandler<ListInvitations, IReadOnlyList<InvitationView>>,
    IQueryHandler<GetFocusAreas, IReadOnlyDictionary<Guid, FocusAreaView>>,
    IQueryHandler<GetPeriodFocusAreas, IReadOnlyDictionary<Guid, IReadOnlyList<FocusAreaView>>>
{
    public ValueTask<MeView> Handle(GetMe query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new MeView(user.UserId ?? throw new UnauthenticatedException("Sign in to do this."), user.Email, user.PersonId,
            user.OrganizationId, user.Role));

    public async ValueTask<ReminderPreferencesView> Handle(GetMyReminderPreferences query, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        return await db.People.AsNoTracking().Where(p => p.Id == personId)
                   .Select(p => new ReminderPreferencesView(p.Id, p.Version, p.TimeZone, p.RemindersPausedUntil))
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("Person", personId);
    }

    public ValueTask<OrganizationView> Handle(GetOrganization query, CancellationToken cancellationToken) =>
        reads.OrganizationAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<PeriodView>> Handle(ListPeriods query, CancellationToken cancellationToken) =>
        (await reads.PeriodsAsync(cancellationToken)).All
            .Where(p => (query.Kind is null || p.Kind == query.Kind) && (query.State is null || p.State == query.State))
            .ToList();

    public ValueTask<PeriodView> Handle(GetPeriod query, CancellationToken cancellationToken) =>
        reads.PeriodAsync(query.Id, cancellationToken);

    public ValueTask<PeriodDirectory> Handle(GetPeriodDirectory query, CancellationToken cancellationToken) =>
        reads.PeriodsAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<UnitView>> Handle(ListOrgUnits query, CancellationToken cancellationToken)
    {
        var units = await reads.UnitsAsync(cancellationToken);
        if (query.ParentId is not { } parentId)
            return units.Roots;
        return units.Find(parentId) is null ? throw new NotFoundException("OrgUnit", parentId) : units.ChildrenOf(parentId);
    }

    public ValueTask<UnitView> Handle(GetOrgUnit query, CancellationToken cancellationToken) =>
        reads.UnitAsync(query.Id, cancellationToken);

    public ValueTask<UnitDirectory> Handle(GetUnitDirectory query, CancellationToken cancellationToken) =>
        reads.UnitsAsync(cancellationToken);

    public ValueTask<IReadOnlyDictionary<Guid, UnitView>> Handle(GetUnitsById query, CancellationToken cancellationToken) =>
        reads.UnitsByIdAsync(query.Ids, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<Guid, PersonView>> Handle(GetPeople query, CancellationToken cancellationToken)
    {
        var ids = query.Ids.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PersonView(p.Id, p.Version, p.DisplayName, p.Email, p.Role, p.IsActive), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PersonView>> Handle(ListPeople query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        if (!query.IncludeInactive)
            people = people.Where(p => p.IsActive);
        var list = await people.Select(p => new PersonView(p.Id, p.Version, p.DisplayName, p.Email, p.Role, p.IsActive)).ToListAsync(cancellationToken);
        var search = query.Search?.Trim();
        // Filtered in memory: case-insensitive matching differs by provider, and an organisation's people are few.
        return list
            .Where(p => string.IsNullOrEmpty(search) || p.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || p.Email.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Email, StringComparer.Ordinal)
            .ToList();
    }

    public async ValueTask<IReadOnlyList<InvitationView>> Handle(ListInvitations query, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var invitations = await db.Invitations.AsNoTracking().ToListAsync(cancellationToken);
        return invitations
            .Select(i => new InvitationView(i.Id, i.Version, i.Email, i.Role,
                i.AcceptedAt is not null ? InvitationState.Accepted
                : i.RevokedAt is not null ? InvitationState.Revoked
                : i.IsPending(now) ? InvitationState.Pending : InvitationState.Expired,
                i.InvitedById, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.AcceptedByPersonId, i.RevokedAt))
            .Where(i => !query.PendingOnly || i.State == InvitationState.Pending)
            .OrderByDescending(i => i.CreatedAt)
            .ToList();
    }

    public async ValueTask<IReadOnlyDictionary<Guid, FocusAreaView>> Handle(GetFocusAreas query, CancellationToken cancellationToken)
    {
        var ids = query.Ids.Distinct().ToList();
        return await db.FocusAreas.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => new FocusAreaView(f.Id, f.PeriodId, f.Title, f.Description, f.IsArchived), cancellationToken);
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<FocusAreaView>>> Handle(GetPeriodFocusAreas query, CancellationToken cancellationToken)
    {
        var ids = query.PeriodIds.Distinct().ToList();
        var areas = await db.FocusAreas.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.PeriodId))
            .Select(f => new FocusAreaView(f.Id, f.PeriodId, f.Title, f.Description, f.IsArchived))
            .ToListAsync(cancellationToken);
        var byPeriod = areas.OrderBy(a => a.Title, StringComparer.Ordinal).ToLookup(a => a.PeriodId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<FocusAreaView>)byPeriod[id].ToList());
    }
}
