using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Kpis.Dtos;
using Okr.Domain.Work;

namespace Okr.Application.Kpis.Commands.KpiKeyResults;

/// <summary>Links the KPI to a key result it drives (one the caller can see), to show them side by side. Linking twice is refused.</summary>
public sealed record LinkKpiToKeyResult : ICommand<KpiDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required Guid KeyResultId { get; init; }
}

/// <summary>Removes the link between the KPI and a key result.</summary>
public sealed record UnlinkKpiFromKeyResult(Guid Id, Guid KeyResultId, long? ExpectedVersion = null) : ICommand<KpiDto>, IExpectVersion;

public sealed class LinkKpiToKeyResultValidator : AbstractValidator<LinkKpiToKeyResult>
{
    public LinkKpiToKeyResultValidator() => RuleFor(c => c.KeyResultId).NotEmpty();
}

public sealed class KpiKeyResultsHandler(IOkrDbContext db, AccessPolicyProvider access)
    : ICommandHandler<LinkKpiToKeyResult, KpiDto>, ICommandHandler<UnlinkKpiFromKeyResult, KpiDto>
{
    public async ValueTask<KpiDto> Handle(LinkKpiToKeyResult command, CancellationToken cancellationToken)
    {
        var (kpi, policy) = await ManageableAsync(command.Id, command.ExpectedVersion, cancellationToken);
        await db.EnsureVisibleKeyResultsAsync([command.KeyResultId], policy, nameof(command.KeyResultId), cancellationToken);
        kpi.LinkKeyResult(command.KeyResultId);
        await db.SaveChangesAsync(cancellationToken);
        return await kpi.ToDtoAsync(db, policy, cancellationToken);
    }

    public async ValueTask<KpiDto> Handle(UnlinkKpiFromKeyResult command, CancellationToken cancellationToken)
    {
        var (kpi, policy) = await ManageableAsync(command.Id, command.ExpectedVersion, cancellationToken);
        // A link to a key result the caller cannot see does not exist for them; one to a deleted key result can go.
        var visible = await db.VisibleKeyResultIdsAsync([command.KeyResultId], policy, cancellationToken, includeDeleted: true);
        if (!visible.Contains(command.KeyResultId) || kpi.KeyResultLinks.All(l => l.KeyResultId != command.KeyResultId))
            throw new NotFoundException("KPI key result link", command.KeyResultId);
        kpi.UnlinkKeyResult(command.KeyResultId);
        await db.SaveChangesAsync(cancellationToken);
        return await kpi.ToDtoAsync(db, policy, cancellationToken);
    }

    private async Task<(Kpi, AccessPolicy)> ManageableAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var kpi = await db.Kpis.FindOrNotFoundAsync(id, "Kpi", cancellationToken);
        if (!policy.CanManageKpi(kpi.OwningUnitId))
            throw new ForbiddenException("Only the members of the KPI's unit and the leads over it can change its key results.");
        kpi.EnsureVersion(expectedVersion);
        return (kpi, policy);
    }
}
