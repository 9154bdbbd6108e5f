using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Kpis.Dtos;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;

namespace Okr.Application.Kpis.Commands.RecordKpiValue;

/// <summary>Records a dated value of a KPI. Immutable: a correction is a new value for the same date.</summary>
public sealed record RecordKpiValue : ICommand<KpiValueDto>
{
    [JsonIgnore] public Guid KpiId { get; init; }
    /// <summary>The day the value was measured: not in the future.</summary>
    public required DateOnly Date { get; init; }
    public required decimal Value { get; init; }
    /// <summary>Where the number comes from: "Zendesk", "Pendo".</summary>
    public string? Source { get; init; }
}

public sealed class RecordKpiValueValidator : AbstractValidator<RecordKpiValue>
{
    public RecordKpiValueValidator(IClock clock)
    {
        RuleFor(c => c.Date).HasHappened(clock);
        RuleFor(c => c.Value).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(c => c.Source).MaximumLength(TextLimits.Name);
    }
}

public sealed class RecordKpiValueHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock) : ICommandHandler<RecordKpiValue, KpiValueDto>
{
    public async ValueTask<KpiValueDto> Handle(RecordKpiValue command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var kpi = await db.Kpis.FindOrNotFoundAsync(command.KpiId, "Kpi", cancellationToken);
        if (!policy.CanManageKpi(kpi.OwningUnitId))
            throw new ForbiddenException("Only the members of the KPI's unit and the leads over it can record its values.");

        var value = kpi.RecordValue(command.Date, command.Value, command.Source, clock.UtcNow);
        db.KpiValues.Add(value);
        await db.SaveChangesAsync(cancellationToken);
        return KpiValueDto.Of(value, kpi);
    }
}
