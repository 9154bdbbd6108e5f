using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Kpis.Dtos;

namespace Okr.Application.Kpis.Commands.UpdateKpi;

/// <summary>Replaces what defines a KPI: name, unit, owning unit, direction, healthy band. Its values stay.</summary>
public sealed record UpdateKpi : KpiFields, ICommand<KpiDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class UpdateKpiValidator : AbstractValidator<UpdateKpi>
{
    public UpdateKpiValidator() => Include(new KpiFieldsValidator());
}

public sealed class UpdateKpiHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateKpi, KpiDto>
{
    public async ValueTask<KpiDto> Handle(UpdateKpi command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var kpi = await db.Kpis.FindOrNotFoundAsync(command.Id, "Kpi", cancellationToken);
        if (!policy.CanManageKpi(kpi.OwningUnitId))
            throw new ForbiddenException("Only the members of the KPI's unit and the leads over it can edit it.");
        kpi.EnsureVersion(command.ExpectedVersion);
        await command.EnsureReferencesAsync(db, cancellationToken);
        if (command.OwningUnitId != kpi.OwningUnitId && !policy.CanManageKpi(command.OwningUnitId))
            throw new ForbiddenException("You can hand a KPI over only to a unit you belong to or lead.");

        kpi.Edit(command.ToDetails());
        await db.SaveChangesAsync(cancellationToken);
        return await kpi.ToDtoAsync(db, policy, cancellationToken);
    }
}
