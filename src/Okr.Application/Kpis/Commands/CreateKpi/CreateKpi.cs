using FluentValidation;
using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Kpis.Dtos;
using Okr.Domain.Work;

namespace Okr.Application.Kpis.Commands.CreateKpi;

/// <summary>Starts watching a KPI for a unit. Its members and the leads over it can.</summary>
public sealed record CreateKpi : KpiFields, ICommand<KpiDto>;

public sealed class CreateKpiValidator : AbstractValidator<CreateKpi>
{
    public CreateKpiValidator() => Include(new KpiFieldsValidator());
}

public sealed class CreateKpiHandler(IOkrDbContext db, AccessPolicyProvider access, ICurrentUser user) : ICommandHandler<CreateKpi, KpiDto>
{
    public async ValueTask<KpiDto> Handle(CreateKpi command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        await command.EnsureReferencesAsync(db, cancellationToken);
        if (!policy.CanManageKpi(command.OwningUnitId))
            throw new ForbiddenException("You can create KPIs only for units you belong to or lead.");

        var kpi = new Kpi(user.OrganizationId!.Value, command.ToDetails());
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync(cancellationToken);
        return await kpi.ToDtoAsync(db, policy, cancellationToken);
    }
}
